namespace AttributionTracker.Domain;

/// <summary>
/// How much of a date a source actually gave. "Early March 2021" is <see cref="EarlyMonth"/>, not 2021-03-01.
/// </summary>
public enum DatePrecision
{
    Year,
    EarlyYear,
    MidYear,
    LateYear,
    Month,
    EarlyMonth,
    MidMonth,
    LateMonth,
    Day,
}
