using AttributionTracker.Domain;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Queries;

/// <summary>
/// Which statements an analyst wants to see: every set dimension must hold (they combine with "and"), and a
/// filter with none set keeps every statement. The incident list, its CSV, the home page's matrix and the JSON
/// API all narrow statements through <see cref="Apply"/>, so a count on one always equals the rows of another.
/// </summary>
public sealed record StatementFilter
{
    public static StatementFilter None { get; } = new();

    /// <summary>The state the statement itself accuses — never an accused actor's sponsor.</summary>
    public CountryCode? AccusedState { get; init; }

    /// <summary>An accused actor's name or any of its aliases, matched ignoring case, accents and punctuation.</summary>
    public string? Actor { get; init; }

    /// <summary>The slug of one of the parties that made the statement.</summary>
    public Slug? AccusingParty { get; init; }

    /// <summary>The state one of the statement's parties speaks for; companies speak for none.</summary>
    public CountryCode? AccusingState { get; init; }

    /// <summary>The year the statement was made (the year its partial date begins in).</summary>
    public int? Year { get; init; }

    public ConfidenceLevel? Confidence { get; init; }

    public ConfidenceMode ConfidenceMode { get; init; } = ConfidenceMode.AtLeast;

    public StatementKind? Kind { get; init; }

    /// <summary>Words looked for in the incident's name and aliases and in the quote.</summary>
    public string? Text { get; init; }

    /// <summary>Only what had been said publicly by this day (see <see cref="Queries.AsOf"/>).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>True when no dimension and no as-of day is set: every statement, every incident.</summary>
    public bool IsEmpty => this == None;

    public IQueryable<AttributionStatement> Apply(IQueryable<AttributionStatement> statements)
    {
        var result = statements.PublicOn(AsOf);
        if (AccusedState is { } accused)
        {
            result = result.Where(s => s.AccusedStateCode == accused);
        }

        if (ActorKeys() is { } actor)
        {
            result = result.Where(s => s.AccusedActor != null
                && (s.AccusedActor.Slug == actor.Slug || s.AccusedActor.Aliases.Any(a => a.Key == actor.Key)));
        }

        if (AccusingParty is { } party)
        {
            result = result.Where(s => s.Parties.Any(p => p.Party!.Slug == party));
        }

        if (AccusingState is { } accuser)
        {
            result = result.Where(s => s.Parties.Any(p => p.Party!.StateCode == accuser));
        }

        if (Year is { } year)
        {
            // A range on the stored first day rather than .Year, so the date column's index can serve it.
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            result = result.Where(s => s.Date != null && s.Date.Start >= first && s.Date.Start <= last);
        }

        if (Confidence is { } level)
        {
            result = ConfidenceMode == ConfidenceMode.Exactly
                ? result.Where(s => s.Confidence.Level == level)
                : result.Where(s => s.Confidence.Level >= level);
        }

        if (Kind is { } kind)
        {
            result = result.Where(s => s.Kind == kind);
        }

        if (TextPatterns() is { } text)
        {
            result = result.Where(s =>
                (s.Quote != null && StoreFunctions.LikeIgnoringCase(s.Quote, text.Like))
                || (s.Incident != null && (StoreFunctions.LikeIgnoringCase(s.Incident.Name, text.Like)
                    // The casts let EF read the slug column as the text it is stored as (Slug has a value converter).
                    || (text.FoldedLike != null && (StoreFunctions.LikeIgnoringCase((string)(object)s.Incident.Slug, text.SlugLike!)
                        || s.Incident.Aliases.Any(a => StoreFunctions.LikeIgnoringCase(a.Key, text.FoldedLike)))))));
        }

        return result;
    }

    private (Slug Slug, string Key)? ActorKeys()
    {
        if (string.IsNullOrWhiteSpace(Actor) || TextFolding.Key(Actor) is not { Length: > 0 } key)
        {
            return null;
        }

        // The canonical name has no alias row; its slug is the same folding of it, so "Hafnium" finds HAFNIUM.
        return (Slug.From(Actor), key);
    }

    private (string Like, string? FoldedLike, string? SlugLike)? TextPatterns()
    {
        if (string.IsNullOrWhiteSpace(Text))
        {
            return null;
        }

        // The LIKE ignores only ASCII case on SQLite, so names are also matched through their folded forms — the slug
        // and the alias keys — and "parlamento de finlandia" or "explotacion" find accented names too. A folded key
        // has only letters, digits and single spaces, so it needs no escaping in a LIKE pattern.
        var like = "%" + Text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var key = TextFolding.Key(Text);
        return key.Length == 0 ? (like, null, null) : (like, "%" + key + "%", "%" + key.Replace(' ', '-') + "%");
    }
}

public enum ConfidenceMode
{
    /// <summary>The stated confidence is this level or higher on the yardstick.</summary>
    AtLeast,

    /// <summary>The stated confidence is exactly this level.</summary>
    Exactly,
}
