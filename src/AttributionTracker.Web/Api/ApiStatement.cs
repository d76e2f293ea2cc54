using System.ComponentModel;
using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.Statements;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

/// <summary>One statement: who said what about whom, how sure, when, in which words, where it was read, and what it answers.</summary>
public sealed record ApiStatement(
    int Id,
    StatementKind Kind,
    [property: Description("Who made it, the lead first; several for a joint statement.")] IReadOnlyList<ApiRef> Parties,
    ApiRef? Incident,
    ApiRef? AccusedActor,
    [property: Description("The state the statement itself names: naming a group is not blaming its sponsor.")] ApiStateRef? AccusedState,
    ApiConfidence Confidence,
    ApiDate? Date,
    [property: Description("The words as the source gives them, in its language.")] string? Quote,
    string? QuoteLanguage,
    ApiQuotedSource? Source,
    [property: Description("For a denial or response: the statements it answers.")] IReadOnlyList<ApiStatementRef> Answers,
    [property: Description("The statements that answer this one.")] IReadOnlyList<ApiStatementRef> AnsweredBy,
    [property: Description("Set when an editor withdrew the record (kept, marked); not a party's own retraction, which is a statement of kind retraction.")] ApiRetraction? Retraction,
    [property: Description("Editors' notes, Markdown.")] string? Notes,
    DateTime UpdatedAt,
    ApiLinks Links)
{
    /// <summary>
    /// Statement <paramref name="id"/> as the API shows it to this request (public on its as-of day), or null: what
    /// <c>GET /api/v1/statements/{id}</c> answers, for any endpoint that answers with a statement.
    /// </summary>
    public static async Task<ApiStatement?> LoadAsync(AttributionDbContext db, int id, HttpContext context, CancellationToken cancellationToken)
    {
        var statement = await StatementView.Query(db.Statements.AsNoTracking().PublicOn(context.AsOf()).Where(s => s.Id == id))
            .AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        return statement is null ? null : From(statement, new ApiAddresses(context));
    }

    /// <summary>The API form of the statement page's projection (<see cref="StatementView.Query"/>).</summary>
    public static ApiStatement From(StatementView s, ApiAddresses addresses) => new(
        s.Id,
        s.Kind,
        [.. s.Parties.Select(p => new ApiRef(p.Slug.Value, p.Name, addresses.Party(p.Slug)))],
        s.Incident is { } i ? new ApiRef(i.Slug.Value, i.Name, addresses.Incident(i.Slug)) : null,
        s.AccusedActor is { } a ? new ApiRef(a.Slug.Value, a.Name, addresses.Actor(a.Slug)) : null,
        ApiStateRef.From(s.AccusedState, s.AccusedStateName, addresses),
        ApiConfidence.From(s.Confidence),
        ApiDate.From(s.Date),
        s.Quote,
        s.QuoteLanguage,
        s.SourceId is { } sourceId ? ApiQuotedSource.From(sourceId, s.SourceTitle, s.SpanStart, s.SpanEnd, s.Id, addresses) : null,
        [.. s.Answers.Select(x => ApiStatementRefs.From(x, addresses))],
        [.. s.AnsweredBy.Select(x => ApiStatementRefs.From(x, addresses))],
        s.RetractedAt is { } at ? new ApiRetraction(Utc(at), s.RetractionReason) : null,
        s.Notes,
        Utc(s.UpdatedAt),
        addresses.Statement(s.Id));

    // The store keeps UTC; SQLite hands it back without a kind, and JSON should say so (…Z).
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}

/// <summary>The source a quote was read from, and the quote's character span in its text (end exclusive).</summary>
public sealed record ApiQuotedSource(int Id, string? Title, int? SpanStart, int? SpanEnd, ApiLinks Links)
{
    /// <summary>The web link lands on the quote's mark in the source's text.</summary>
    public static ApiQuotedSource From(int id, string? title, int? spanStart, int? spanEnd, int statementId, ApiAddresses addresses)
    {
        var links = addresses.Source(id);
        var html = spanStart is null ? links.Html : links.Html + "#s" + statementId.ToString(CultureInfo.InvariantCulture);
        return new ApiQuotedSource(id, title, spanStart, spanEnd, links with { Html = html });
    }
}

public sealed record ApiRetraction(DateTime At, string? Reason);

public static class ApiStatementRefs
{
    public static ApiStatementRef From(StatementLink link, ApiAddresses addresses) =>
        new(link.Id, link.Kind, link.LeadParty, ApiDate.From(link.Date), addresses.Statement(link.Id));
}
