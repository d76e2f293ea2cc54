using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

public sealed class DetailsModel(AttributionDbContext db, IAuthorizationService authorization, MarkdownRenderer markdown) : PageModel
{
    /// <summary>Null when the statement was hard-deleted: the page then shows only its history.</summary>
    public StatementView? Statement { get; private set; }

    public HistoryView History { get; private set; } = HistoryView.Empty(nameof(AttributionStatement));

    public HtmlString Notes { get; private set; } = HtmlString.Empty;

    public bool CanEdit { get; private set; }

    public bool CanDelete { get; private set; }

    public int Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Id = id;
        Statement = await StatementView.Query(db.Statements.AsNoTracking().Where(s => s.Id == id)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        History = await RecordHistory.ForAsync(db, nameof(AttributionStatement), id, cancellationToken);
        if (Statement is null)
        {
            // A hard-deleted statement keeps its history (who deleted it, why, what it said); anything else is unknown.
            if (!History.Entries.Any(e => e.Action == ChangeAction.Deleted && e.RecordType == nameof(AttributionStatement)))
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        Notes = markdown.Render(Statement.Notes);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        CanDelete = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        return Page();
    }
}

/// <summary>Everything about one statement, for its page.</summary>
public sealed record StatementView(
    int Id,
    StatementKind Kind,
    IReadOnlyList<NamedLink> Parties,
    NamedLink? Incident,
    NamedLink? AccusedActor,
    CountryCode? AccusedState,
    string? AccusedStateName,
    Confidence Confidence,
    PartialDate? Date,
    string? Quote,
    string? QuoteLanguage,
    int? SourceId,
    string? SourceTitle,
    int? SpanStart,
    int? SpanEnd,
    IReadOnlyList<StatementLink> Answers,
    IReadOnlyList<StatementLink> AnsweredBy,
    string? Notes,
    DateTime? RetractedAt,
    string? RetractedBy,
    string? RetractionReason,
    DateTime UpdatedAt,
    string? UpdatedBy,
    int Version)
{
    public static IQueryable<StatementView> Query(IQueryable<AttributionStatement> statements) =>
        statements.Select(s => new StatementView(
            s.Id,
            s.Kind,
            s.Parties.OrderBy(p => p.Position).Select(p => new NamedLink(p.Party!.Slug, p.Party.Name)).ToList(),
            s.Incident == null ? null : new NamedLink(s.Incident.Slug, s.Incident.Name),
            s.AccusedActor == null ? null : new NamedLink(s.AccusedActor.Slug, s.AccusedActor.Name),
            s.AccusedStateCode,
            s.AccusedState == null ? null : s.AccusedState.NameEn,
            s.Confidence,
            s.Date,
            s.Quote,
            s.QuoteLanguage,
            s.SourceId,
            s.Source == null ? null : s.Source.Title,
            s.SpanStart,
            s.SpanEnd,
            s.Answers.OrderBy(a => a.AnsweredStatementId).Select(a => new StatementLink(a.AnsweredStatementId, a.AnsweredStatement!.Kind, a.AnsweredStatement.Date, a.AnsweredStatement.Parties.OrderBy(p => p.Position).Select(p => p.Party!.Name).FirstOrDefault())).ToList(),
            s.AnsweredBy.OrderBy(a => a.StatementId).Select(a => new StatementLink(a.StatementId, a.Statement!.Kind, a.Statement.Date, a.Statement.Parties.OrderBy(p => p.Position).Select(p => p.Party!.Name).FirstOrDefault())).ToList(),
            s.Notes,
            s.RetractedAt,
            s.RetractedBy,
            s.RetractionReason,
            s.UpdatedAt,
            s.UpdatedBy,
            s.Version));

    public bool IsRetracted => RetractedAt is not null;

    /// <summary>"Attribution by United Kingdom, 19 July 2021": the page's title.</summary>
    public string Title => $"{Kind}{(Parties.Count > 0 ? " by " + string.Join(", ", Parties.Select(p => p.Name)) : "")}{(Date is null ? "" : ", " + Date.ToDisplayString())}";
}

/// <summary>Another statement named from this one: "Denial by China, 20 July 2021".</summary>
public sealed record StatementLink(int Id, StatementKind Kind, PartialDate? Date, string? LeadParty)
{
    public string Label => $"{Kind}{(LeadParty is null ? "" : " by " + LeadParty)}{(Date is null ? "" : ", " + Date.ToDisplayString())}";
}
