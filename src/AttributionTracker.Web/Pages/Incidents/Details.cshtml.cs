using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.History;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Incidents;

public sealed class DetailsModel(AttributionDbContext db, MarkdownRenderer markdown) : PageModel
{
    public IncidentView Incident { get; private set; } = null!;

    public HtmlString Summary { get; private set; } = HtmlString.Empty;

    public const int StatementsPerPage = 50;

    /// <summary>The page of statements ("p", like every list).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int StatementPage { get; set; } = 1;

    public PageWindow StatementWindow { get; private set; } = PageWindow.Of(1, StatementsPerPage, 0);

    /// <summary>This page of the statements public on the as-of day (all of them without one), in date order, undated last.</summary>
    public IReadOnlyList<IncidentStatement> Statements { get; private set; } = [];

    /// <summary>Who accused whom, with what confidence: the largest groups, over every shown statement.</summary>
    public IncidentAccusations Accusations { get; private set; } = IncidentAccusations.None;

    /// <summary>How many sources the shown statements cite; <see cref="Sources"/> holds the first of them.</summary>
    public int SourceCount { get; private set; }

    public TimelineLayout Timeline { get; private set; } = null!;

    /// <summary>The first sources the shown statements were read from, published by the as-of day, oldest first.</summary>
    public IReadOnlyList<CitedSource> Sources { get; private set; } = [];

    public PartialDate? FirstAttribution { get; private set; }

    public PartialDate? LatestAttribution { get; private set; }

    public DateOnly? AsOf { get; private set; }

    public HistoryView History { get; private set; } = HistoryView.Empty(nameof(Domain.Incident));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var incident = await IncidentView.Query(db.Incidents.AsNoTracking().Where(i => i.Slug == key))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        Incident = incident;
        Summary = markdown.Render(incident.Summary);
        AsOf = HttpContext.AsOf();

        // Everything below is bounded however many statements the incident has: the table pages, the summaries are
        // counted and grouped in SQL, so the number of SQL commands and the page's size stay the same.
        var shown = db.Statements.AsNoTracking().PublicOn(AsOf).Where(s => s.IncidentId == incident.Id);
        StatementWindow = PageWindow.Of(StatementPage, StatementsPerPage, await shown.CountAsync(cancellationToken));
        Statements = await shown
            .OrderBy(s => s.Date == null).ThenBy(s => s.Date!.Start).ThenBy(s => s.Id)
            .Skip(StatementWindow.Skip).Take(StatementWindow.Size)
            .Select(s => new IncidentStatement(
                s.Id,
                s.Kind,
                s.Parties.OrderBy(p => p.Position).Select(p => new NamedLink(p.Party!.Slug, p.Party.Name)).ToList(),
                s.AccusedActor == null ? null : new NamedLink(s.AccusedActor.Slug, s.AccusedActor.Name),
                s.AccusedStateCode,
                s.AccusedState == null ? null : s.AccusedState.NameEn,
                s.Confidence,
                s.Date,
                s.Quote,
                s.SourceId,
                s.SpanStart,
                s.Answers.Select(a => a.AnsweredStatementId).ToList())
            {
                Retracted = s.RetractedAt != null,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        byId = Statements.ToDictionary(s => s.Id);
        answeredBy = Statements.SelectMany(s => s.Answers.Select(a => (Answered: a, By: s))).ToLookup(p => p.Answered, p => p.By);

        Accusations = await IncidentAccusations.SummarizeAsync(db, shown, cancellationToken);
        (SourceCount, Sources) = await CitedSources.TopAsync(db, shown, AsOf, cancellationToken);

        var dated = shown.Where(s => s.Kind == StatementKind.Attribution && s.Date != null);
        FirstAttribution = await dated.OrderBy(s => s.Date!.Start).ThenBy(s => s.Id).Select(s => s.Date).FirstOrDefaultAsync(cancellationToken);
        LatestAttribution = await dated.OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id).Select(s => s.Date).FirstOrDefaultAsync(cancellationToken);
        Timeline = TimelineLayout.Arrange(Statements.Select(s => s.ForTimeline()), incident.StartDate, incident.EndDate);
        History = await RecordHistory.ForAsync(db, nameof(Domain.Incident), incident.Id, cancellationToken);
        return Page();
    }

    /// <summary>The statements that answer <paramref name="id"/> and are shown.</summary>
    public IEnumerable<IncidentStatement> AnswersTo(int id) => answeredBy[id];

    /// <summary>The statement <paramref name="id"/> if this view shows it (an as-of view may not).</summary>
    public IncidentStatement? Shown(int id) => byId.GetValueOrDefault(id);

    private Dictionary<int, IncidentStatement> byId = [];

    private ILookup<int, IncidentStatement> answeredBy = Array.Empty<IncidentStatement>().ToLookup(s => s.Id);

}

public sealed record IncidentView(
    int Id,
    string Name,
    PartialDate? StartDate,
    PartialDate? EndDate,
    string? Summary,
    string? Scale,
    IncidentType Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<VictimView> Victims)
{
    /// <summary>The page's projection of one incident, which the JSON API reads too.</summary>
    public static IQueryable<IncidentView> Query(IQueryable<Incident> incidents) =>
        incidents.Select(i => new IncidentView(
            i.Id, i.Name, i.StartDate, i.EndDate, i.Summary, i.Scale, i.Type,
            i.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
            i.Victims.OrderBy(v => v.Name).Select(v => new VictimView(v.Name, v.StateCode, v.State == null ? null : v.State.NameEn)).ToList()));
}

public sealed record VictimView(string Name, CountryCode? State, string? StateName);

public sealed record CitedSource(int Id, string Title, string? Publisher, PartialDate? PublishedOn, int Statements);

/// <summary>One statement about the incident, with what it answers, for the timeline and the table.</summary>
public sealed record IncidentStatement(
    int Id,
    StatementKind Kind,
    IReadOnlyList<NamedLink> Parties,
    NamedLink? AccusedActor,
    CountryCode? AccusedState,
    string? AccusedStateName,
    Confidence Confidence,
    PartialDate? Date,
    string? Quote,
    int? SourceId,
    int? SpanStart,
    IReadOnlyList<int> Answers)
{
    /// <summary>"HAFNIUM", "China", or both when the statement names both ("APT31 (China)").</summary>
    public string? Accused => (AccusedActor, AccusedStateName ?? AccusedState?.ToString()) switch
    {
        ({ } actor, { } state) => $"{actor.Name} ({state})",
        ({ } actor, null) => actor.Name,
        (null, { } state) => state,
        _ => null,
    };

    /// <summary>Withdrawn by an editor: still shown, marked.</summary>
    public bool Retracted { get; init; }

    public TimelineStatement ForTimeline() =>
        new(Id, Kind, Date, [.. Parties.Select(p => p.Name)], Accused, Confidence.Level, Answers);
}
