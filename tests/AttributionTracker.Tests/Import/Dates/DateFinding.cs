using System.Globalization;
using AttributionTracker.Import.Dates;

namespace AttributionTracker.Tests.Import.Dates;

/// <summary>Shorthands over <see cref="DateExpressions.Find"/> for the date tests: whole text, dates as "yyyy-MM-dd".</summary>
internal static class DateFinding
{
    /// <summary>Monday 19 July 2021, the seed article's date.</summary>
    public const string SeedDay = "2021-07-19";

    public static IReadOnlyList<DateMention> Find(string text, string language, string? reference = SeedDay) =>
        DateExpressions.Find(text, 0, text.Length, language, Day(reference));

    /// <summary>Each mention as "expression = date", plus " (relative)" where it needed the article date.</summary>
    public static string[] Describe(string text, string language, string? reference = SeedDay) =>
        [.. Find(text, language, reference).Select(m => Describe(text, m))];

    public static string Describe(string text, DateMention mention) =>
        $"{text[mention.Start..mention.End]} = {mention.Date}{(mention.IsRelative ? " (relative)" : "")}";

    public static DateOnly? Day(string? iso) =>
        iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
