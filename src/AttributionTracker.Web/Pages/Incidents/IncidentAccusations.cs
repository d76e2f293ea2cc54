using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>One party accusing one actor and/or state of the incident: in how many statements, and how confidently at most.</summary>
public sealed record Accusation(NamedLink Party, NamedLink? Actor, CountryCode? State, string? StateName, int Statements, ConfidenceLevel? Highest)
{
    public string Accused => (Actor, StateName ?? State?.ToString()) switch
    {
        ({ } actor, { } state) => $"{actor.Name} ({state})",
        ({ } actor, null) => actor.Name,
        (null, { } state) => state,
        _ => "nobody named",
    };
}

/// <summary>Who accused whom of an incident, grouped and counted in SQL: the largest <see cref="Shown"/> groups and how many there are.</summary>
public sealed record IncidentAccusations(IReadOnlyList<Accusation> Top, int Groups)
{
    public const int Shown = 20;

    public static readonly IncidentAccusations None = new([], 0);

    public int More => Groups - Top.Count;

    /// <summary>Two SQL commands whatever the number of statements.</summary>
    public static async Task<IncidentAccusations> SummarizeAsync(AttributionDbContext db, IQueryable<AttributionStatement> statements, CancellationToken cancellationToken)
    {
        var groups = statements
            .Where(s => s.Kind == StatementKind.Attribution)
            .SelectMany(s => s.Parties, (s, p) => new { p.PartyId, s.AccusedActorId, s.AccusedStateCode, s.Confidence.Level })
            .GroupBy(x => new { x.PartyId, x.AccusedActorId, x.AccusedStateCode })
            .Select(g => new { g.Key.PartyId, g.Key.AccusedActorId, g.Key.AccusedStateCode, Count = g.Count(), Highest = g.Max(x => x.Level) });
        var total = await groups.CountAsync(cancellationToken);
        if (total == 0)
        {
            return None;
        }

        var top = await groups
            .OrderByDescending(g => g.Count).ThenBy(g => g.PartyId).ThenBy(g => g.AccusedActorId).ThenBy(g => g.AccusedStateCode)
            .Take(Shown)
            .Select(g => new
            {
                g.Count,
                g.Highest,
                g.AccusedStateCode,
                Party = db.Parties.Where(p => p.Id == g.PartyId).Select(p => new NamedLink(p.Slug, p.Name)).First(),
                Actor = db.Actors.Where(a => a.Id == g.AccusedActorId).Select(a => new NamedLink(a.Slug, a.Name)).FirstOrDefault(),
                StateName = db.States.Where(st => st.Code == g.AccusedStateCode).Select(st => st.NameEn).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new IncidentAccusations(
            [.. top.Select(g => new Accusation(g.Party, g.Actor, g.AccusedStateCode, g.StateName, g.Count, g.Highest))],
            total);
    }
}
