using AttributionTracker.Domain;
using AttributionTracker.Web.AsOfViews;

namespace AttributionTracker.Web.Pages;

/// <summary>One statement as lists show it: who said what about whom, when, how sure.</summary>
public sealed record StatementRow(
    int Id,
    StatementKind Kind,
    IReadOnlyList<NamedLink> Parties,
    NamedLink? Incident,
    NamedLink? AccusedActor,
    CountryCode? AccusedState,
    Confidence Confidence,
    PartialDate? Date,
    string? Quote,
    int? SourceId,
    int? SpanStart)
{
    /// <summary>Projects statements already filtered and ordered by the caller (ordering must precede the projection to translate).</summary>
    public static IQueryable<StatementRow> Query(IQueryable<AttributionStatement> statements) =>
        statements.Select(s => new StatementRow(
            s.Id,
            s.Kind,
            s.Parties.OrderBy(p => p.Position).Select(p => new NamedLink(p.Party!.Slug, p.Party.Name)).ToList(),
            s.Incident == null ? null : new NamedLink(s.Incident.Slug, s.Incident.Name),
            s.AccusedActor == null ? null : new NamedLink(s.AccusedActor.Slug, s.AccusedActor.Name),
            s.AccusedStateCode,
            s.Confidence,
            s.Date,
            s.Quote,
            s.SourceId,
            s.SpanStart)
        {
            AccusedStateName = s.AccusedState == null ? null : s.AccusedState.NameEn,
            Retracted = s.RetractedAt != null,
        });

    /// <summary>The accused state's English name, where the statement names a state.</summary>
    public string? AccusedStateName { get; init; }

    /// <summary>Withdrawn by an editor: still listed, marked.</summary>
    public bool Retracted { get; init; }

    /// <summary>What the party did, as the verb of "who … whom": accused, denied...</summary>
    public string Verb => Kind switch
    {
        StatementKind.Attribution => "accused",
        StatementKind.Denial => "denied",
        StatementKind.Retraction => "retracted",
        StatementKind.Corroboration => "backed",
        _ => "responded to",
    };
}

public sealed record NamedLink(Slug Slug, string Name);
