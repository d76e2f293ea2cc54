using AttributionTracker.Data;
using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages;

/// <summary>A party as a statement row names it, with the state it speaks for, so both can be linked.</summary>
public sealed record PartyLink(Slug Slug, string Name, CountryCode? State);

/// <summary>A denial as actor and state pages list it: who denied, when, in what words, and what it answers.</summary>
public sealed record DenialRow(
    int Id,
    IReadOnlyList<PartyLink> Parties,
    PartialDate? Date,
    string? Quote,
    int? SourceId,
    int? SpanStart,
    IReadOnlyList<AnsweredStatement> Answers);

/// <summary>The statement a denial answers, named by its lead party, its date and its incident.</summary>
/// <remarks>
/// All its parties are read and the lead taken here: "the first party of each answered statement" in SQL is a window
/// over every statement's parties, which took seconds on a large store.
/// </remarks>
public sealed record AnsweredStatement(int Id, StatementKind Kind, IReadOnlyList<PartyLink> Parties, NamedLink? Incident, PartialDate? Date, int? SourceId, int? SpanStart)
{
    public PartyLink? Lead => Parties.Count > 0 ? Parties[0] : null;
}

public static class DenialRows
{
    /// <summary>The denials that concern an actor: they name it or answer a statement that does.</summary>
    /// <remarks>
    /// "Id IN (the answers to the actor's statements)" rather than a correlated EXISTS per denial: the engine then reads
    /// the actor's statements and their answers by index instead of testing every denial in the store.
    /// </remarks>
    public static IQueryable<AttributionStatement> Concerning(AttributionDbContext db, IQueryable<AttributionStatement> statements, int actorId)
    {
        var answering = db.Statements.Where(s => s.AccusedActorId == actorId).SelectMany(s => s.AnsweredBy).Select(a => a.StatementId);
        return statements.Where(s => s.Kind == StatementKind.Denial && (s.AccusedActorId == actorId || answering.Contains(s.Id)));
    }

    /// <summary>
    /// Projects denials already filtered and ordered by the caller. Give it one page's ids, not a paged query: each
    /// of its collections is a query of its own that would repeat the paging's search.
    /// </summary>
    public static IQueryable<DenialRow> Query(IQueryable<AttributionStatement> denials) =>
        denials.Select(s => new DenialRow(
            s.Id,
            s.Parties.OrderBy(p => p.Position).Select(p => new PartyLink(p.Party!.Slug, p.Party.Name, p.Party.StateCode)).ToList(),
            s.Date,
            s.Quote,
            s.SourceId,
            s.SpanStart,
            s.Answers.OrderBy(a => a.AnsweredStatementId).Select(a => new AnsweredStatement(
                a.AnsweredStatementId,
                a.AnsweredStatement!.Kind,
                a.AnsweredStatement.Parties.OrderBy(p => p.Position).Select(p => new PartyLink(p.Party!.Slug, p.Party.Name, p.Party.StateCode)).ToList(),
                a.AnsweredStatement.Incident == null ? null : new NamedLink(a.AnsweredStatement.Incident.Slug, a.AnsweredStatement.Incident.Name),
                a.AnsweredStatement.Date,
                a.AnsweredStatement.SourceId,
                a.AnsweredStatement.SpanStart)).ToList()));
}
