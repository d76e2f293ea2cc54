using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Queries;

/// <summary>
/// A <see cref="StatementFilter"/> as URL query values, both ways. The names are short and must stay stable:
/// shared links and the home page's matrix cells are written with them.
/// </summary>
public static class StatementFilterQuery
{
    public const string AccusedState = "accused";
    public const string Actor = "actor";
    public const string AccusingState = "accuser";
    public const string AccusingParty = "by";
    public const string Year = "year";
    public const string Confidence = "conf";
    public const string ConfidenceMode = "confmode";
    public const string Kind = "kind";
    public const string Text = "q";
    public const string AsOf = "asof";

    public const string AtLeast = "atleast";
    public const string Exactly = "exactly";

    /// <summary>The longest free text or actor name looked for; longer input is a mistake or an attack.</summary>
    public const int MaxTextLength = 200;

    /// <summary>
    /// Reads a filter from query values (<paramref name="value"/> gives the raw value of a name, or null).
    /// Each value that cannot be read is reported under its name and left out of the filter; the as-of day is
    /// given separately because hosts read it before any page runs.
    /// </summary>
    public static StatementFilterParse Parse(Func<string, string?> value, DateOnly? asOf)
    {
        var errors = new List<StatementFilterError>();
        var filter = new StatementFilter { AsOf = asOf };

        if (Given(value(AccusedState)) is { } accused)
        {
            filter = CountryCode.TryParse(accused, out var code)
                ? filter with { AccusedState = code }
                : Error(filter, AccusedState, $"“{accused}” is not a state code: use a two-letter ISO code such as CN or RU.");
        }

        if (Given(value(AccusingState)) is { } accuser)
        {
            filter = CountryCode.TryParse(accuser, out var code)
                ? filter with { AccusingState = code }
                : Error(filter, AccusingState, $"“{accuser}” is not a state code: use a two-letter ISO code such as GB or US.");
        }

        if (Given(value(AccusingParty)) is { } by)
        {
            filter = Slug.TryParse(by.ToLowerInvariant(), out var slug)
                ? filter with { AccusingParty = slug }
                : Error(filter, AccusingParty, $"“{by}” is not a party's address name (such as national-cyber-security-centre).");
        }

        if (Given(value(Actor)) is { } actor)
        {
            filter = actor.Length <= MaxTextLength && TextFolding.Key(actor).Length > 0
                ? filter with { Actor = actor }
                : Error(filter, Actor, $"An actor is looked up by a name of at most {MaxTextLength} characters with at least one letter or digit.");
        }

        if (Given(value(Year)) is { } year)
        {
            filter = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9999
                ? filter with { Year = y }
                : Error(filter, Year, $"“{year}” is not a year: write it with four digits, such as 2021.");
        }

        if (Given(value(Confidence)) is { } conf)
        {
            filter = ParseConfidence(conf) is { } level
                ? filter with { Confidence = level }
                : Error(filter, Confidence, $"“{conf}” is not a confidence: use a yardstick term such as highly-likely, or its rank from 1 (remote chance) to 7 (almost certain).");
        }

        if (Given(value(ConfidenceMode)) is { } mode)
        {
            filter = mode.ToLowerInvariant() switch
            {
                AtLeast => filter with { ConfidenceMode = Queries.ConfidenceMode.AtLeast },
                Exactly => filter with { ConfidenceMode = Queries.ConfidenceMode.Exactly },
                _ => Error(filter, ConfidenceMode, $"“{mode}” is not a confidence mode: use {AtLeast} or {Exactly}."),
            };
        }

        if (Given(value(Kind)) is { } kind)
        {
            filter = Enum.TryParse<StatementKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _)
                ? filter with { Kind = k }
                : Error(filter, Kind, $"“{kind}” is not a kind of statement: use one of {string.Join(", ", Enum.GetValues<StatementKind>().Select(ToQueryValue))}.");
        }

        // No stored text holds a NUL, and PostgreSQL refuses one in a query value: looking for it is looking for the rest.
        if (Given(value(Text)?.Replace("\0", "", StringComparison.Ordinal)) is { } text)
        {
            filter = text.Length <= MaxTextLength
                ? filter with { Text = text }
                : Error(filter, Text, $"The text to look for is at most {MaxTextLength} characters long.");
        }

        // A mode alone filters nothing; keeping it out keeps "no filter" recognisable.
        if (filter.Confidence is null)
        {
            filter = filter with { ConfidenceMode = Queries.ConfidenceMode.AtLeast };
        }

        return new StatementFilterParse(filter, errors);

        StatementFilter Error(StatementFilter unchanged, string name, string message)
        {
            errors.Add(new StatementFilterError(name, message));
            return unchanged;
        }
    }

    /// <summary>
    /// Reports the well-formed values that name nothing in the store: a state code no state has, a party slug no
    /// party has. (A filter on them would quietly show nothing; the reader should learn it was a typo.)
    /// </summary>
    public static async Task<IReadOnlyList<StatementFilterError>> FindUnknownAsync(
        this StatementFilter filter, AttributionDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<StatementFilterError>();
        var codes = new[] { filter.AccusedState, filter.AccusingState }.OfType<CountryCode>().Distinct().ToList();
        var known = codes.Count == 0 ? [] : await db.States.AsNoTracking().Where(s => codes.Contains(s.Code)).Select(s => s.Code).ToListAsync(cancellationToken);
        foreach (var (code, name) in new[] { (filter.AccusedState, AccusedState), (filter.AccusingState, AccusingState) })
        {
            if (code is { } c && !known.Contains(c))
            {
                errors.Add(new StatementFilterError(name, $"No state has the code {c}."));
            }
        }

        if (filter.AccusingParty is { } party && !await db.Parties.AsNoTracking().AnyAsync(p => p.Slug == party, cancellationToken))
        {
            errors.Add(new StatementFilterError(AccusingParty, $"No party is called “{party}”."));
        }

        return errors;
    }

    /// <summary>The filter's set dimensions as query values, in a fixed order, with the as-of day last.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ToQuery(this StatementFilter filter)
    {
        var query = new List<KeyValuePair<string, string>>();
        Add(AccusedState, filter.AccusedState?.Value);
        Add(Actor, filter.Actor);
        Add(AccusingState, filter.AccusingState?.Value);
        Add(AccusingParty, filter.AccusingParty?.Value);
        Add(Year, filter.Year?.ToString(CultureInfo.InvariantCulture));
        Add(Confidence, filter.Confidence?.ToTerm());
        Add(ConfidenceMode, filter.Confidence is not null && filter.ConfidenceMode == Queries.ConfidenceMode.Exactly ? Exactly : null);
        Add(Kind, filter.Kind is { } kind ? ToQueryValue(kind) : null);
        Add(Text, filter.Text);
        Add(AsOf, filter.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return query;

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Add(new(name, value));
            }
        }
    }

    /// <summary>"attribution", "denial"...: how a kind is written in URLs.</summary>
    public static string ToQueryValue(StatementKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A yardstick term ("highly-likely", "highly likely") or its rank ("6").</summary>
    public static ConfidenceLevel? ParseConfidence(string text) =>
        ConfidenceLevels.TryParseTerm(text.Trim(), out var level) ? level
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank is >= 1 and <= 7 ? (ConfidenceLevel)rank
        : null;

    private static string? Given(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
}

/// <summary>A filter read from query values, and what could not be read (the filter leaves those out).</summary>
public sealed record StatementFilterParse(StatementFilter Filter, IReadOnlyList<StatementFilterError> Errors);

/// <summary>A query value that could not be used: its name and a message that says what was expected.</summary>
public sealed record StatementFilterError(string Name, string Message);
