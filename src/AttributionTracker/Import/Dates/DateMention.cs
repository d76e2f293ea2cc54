using AttributionTracker.Domain;

namespace AttributionTracker.Import.Dates;

/// <summary>
/// A date expression in an article: <c>text[Start..End]</c> is the expression as written ("a principios de marzo",
/// "last year", "in March 2017"), <see cref="Date"/> what it names at the precision it gave, and
/// <see cref="IsRelative"/> whether that needed the article's date ("el lunes", "en marzo", "two years ago").
/// </summary>
public sealed record DateMention(int Start, int End, PartialDate Date, bool IsRelative);
