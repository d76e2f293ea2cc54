using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public HistoryView History { get; private set; } = HistoryView.Empty(nameof(Domain.Actor));

    public const int DenialsPerPage = 20;

    /// <summary>The page of incidents ("p", like every list).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int IncidentPage { get; set; } = 1;

    /// <summary>The page of denials, apart from the incidents' so paging one keeps the other.</summary>
    [BindProperty(SupportsGet = true, Name = "dp")]
    public int DenialPage { get; set; } = 1;

    public ActorView Actor { get; private set; } = null!;

    public AccusationSummary Summary { get; private set; } = new(0, 0, 0, null, null);

    public PageWindow IncidentWindow { get; private set; } = PageWindow.Of(1, AttributedIncidents.PageSize, 0);

    public IReadOnlyList<AttributedIncident> Incidents { get; private set; } = [];

    public PageWindow DenialWindow { get; private set; } = PageWindow.Of(1, DenialsPerPage, 0);

    public IReadOnlyList<DenialRow> Denials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var actor = await ActorView.Query(db.Actors.AsNoTracking().Where(a => a.Slug == key))
            .SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            // A merged actor's old address leads on to the actor that absorbed it, permanently.
            var movedTo = await db.SlugRedirects.AsNoTracking().Where(r => r.OldSlug == key).Select(r => (Slug?)r.Actor!.Slug).SingleOrDefaultAsync(cancellationToken);
            // The query (as-of day, page) travels on, so an old link keeps showing what it showed.
            return movedTo is { } target ? RedirectPermanent(Url.Page("/Actors/Details", new { slug = target.Value }) + Request.QueryString) : NotFound();
        }

        Actor = actor;
        var statements = db.Statements.AsNoTracking().PublicOn(HttpContext.AsOf());
        var naming = AttributedIncidents.Naming(statements, actor.Id);
        Summary = await AttributedIncidents.SummarizeAsync(naming, cancellationToken);
        (IncidentWindow, Incidents) = await AttributedIncidents.PageAsync(naming, IncidentPage, cancellationToken);

        var denials = DenialRows.Concerning(db, statements, actor.Id);
        DenialWindow = PageWindow.Of(DenialPage, DenialsPerPage, await denials.CountAsync(cancellationToken));
        Denials = await DenialRows.Query(await denials.PageAsync(db, DenialWindow, cancellationToken)).ToListAsync(cancellationToken);
        History = await RecordHistory.ForAsync(db, nameof(Domain.Actor), actor.Id, cancellationToken);
        return Page();
    }
}

public sealed record ActorView(
    int Id,
    string Name,
    ActorKind Kind,
    CountryCode? SponsorState,
    string? SponsorStateName,
    string? Description,
    IReadOnlyList<AliasView> Aliases,
    IReadOnlyList<ExternalIdView> ExternalIds,
    IReadOnlyList<RelationView> LinksTo,
    IReadOnlyList<RelationView> LinkedFrom,
    IReadOnlyList<string> References)
{
    /// <summary>The page's projection of one actor, which the JSON API reads too.</summary>
    public static IQueryable<ActorView> Query(IQueryable<Actor> actors) =>
        actors.Select(a => new ActorView(
            a.Id,
            a.Name,
            a.Kind,
            a.SponsorStateCode,
            a.SponsorState == null ? null : a.SponsorState.NameEn,
            a.Description,
            a.Aliases.OrderBy(x => x.Name).Select(x => new AliasView(x.Name, x.Language, x.CoinedBy == null ? null : new NamedLink(x.CoinedBy.Slug, x.CoinedBy.Name))).ToList(),
            a.ExternalIds.OrderBy(e => e.System).ThenBy(e => e.Value).Select(e => new ExternalIdView(e.System, e.Value)).ToList(),
            a.RelationsFrom.OrderBy(r => r.Kind).ThenBy(r => r.ToActor!.Name).Select(r => new RelationView(r.Kind, new NamedLink(r.ToActor!.Slug, r.ToActor.Name), r.Note)).ToList(),
            a.RelationsTo.OrderBy(r => r.Kind).ThenBy(r => r.FromActor!.Name).Select(r => new RelationView(r.Kind, new NamedLink(r.FromActor!.Slug, r.FromActor.Name), r.Note)).ToList(),
            a.References.OrderBy(r => r.Url).Select(r => r.Url).ToList()));
}

public sealed record AliasView(string Name, string? Language, NamedLink? CoinedBy);

public sealed record ExternalIdView(string System, string Value);

public sealed record RelationView(ActorRelationKind Kind, NamedLink Actor, string? Note);
