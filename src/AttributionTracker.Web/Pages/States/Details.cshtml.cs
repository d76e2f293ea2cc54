using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.States;

/// <summary>A state both ways: what its government, agencies and officials said, and what was said about it.</summary>
public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public const int RowsPerPage = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int AccuserPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "ap")]
    public int AccusedPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "sp")]
    public int SponsoredPage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "dp")]
    public int DenialPage { get; set; } = 1;

    public StateView State { get; private set; } = null!;

    public PageWindow AccuserWindow { get; private set; } = PageWindow.Of(1, RowsPerPage, 0);

    public IReadOnlyList<StatementRow> AsAccuser { get; private set; } = [];

    public PageWindow AccusedWindow { get; private set; } = PageWindow.Of(1, RowsPerPage, 0);

    public IReadOnlyList<StatementRow> AsAccused { get; private set; } = [];

    public PageWindow SponsoredWindow { get; private set; } = PageWindow.Of(1, RowsPerPage, 0);

    public IReadOnlyList<SponsoredActor> Sponsored { get; private set; } = [];

    public PageWindow DenialWindow { get; private set; } = PageWindow.Of(1, RowsPerPage, 0);

    public IReadOnlyList<DenialRow> Denials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!CountryCode.TryParse(code, out var key))
        {
            return NotFound();
        }

        var state = await StateView.Query(db, db.States.AsNoTracking().Where(s => s.Code == key))
            .SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return NotFound();
        }

        State = state;
        var statements = db.Statements.AsNoTracking().PublicOn(HttpContext.AsOf());
        var byItsParties = statements.Where(s => s.Parties.Any(sp => sp.Party!.StateCode == key));

        var accusing = byItsParties.Where(s => s.Kind != StatementKind.Denial);
        AccuserWindow = PageWindow.Of(AccuserPage, RowsPerPage, await accusing.CountAsync(cancellationToken));
        AsAccuser = await StatementRow.Query(await accusing.PageAsync(db, AccuserWindow, cancellationToken)).ToListAsync(cancellationToken);

        var accused = statements.Where(s => s.Kind != StatementKind.Denial && s.AccusedStateCode == key);
        AccusedWindow = PageWindow.Of(AccusedPage, RowsPerPage, await accused.CountAsync(cancellationToken));
        AsAccused = await StatementRow.Query(await accused.PageAsync(db, AccusedWindow, cancellationToken)).ToListAsync(cancellationToken);

        var sponsored = db.Actors.AsNoTracking().Where(a => a.SponsorStateCode == key)
            .Select(a => new { a.Slug, a.Name, a.Id, Accused = statements.Count(s => s.Kind != StatementKind.Denial && s.AccusedActorId == a.Id) });
        SponsoredWindow = PageWindow.Of(SponsoredPage, RowsPerPage, await sponsored.CountAsync(cancellationToken));
        Sponsored = await sponsored.OrderByDescending(a => a.Accused).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Skip(SponsoredWindow.Skip).Take(SponsoredWindow.Size)
            .Select(a => new SponsoredActor(a.Slug, a.Name, a.Accused))
            .ToListAsync(cancellationToken);

        var denials = byItsParties.Where(s => s.Kind == StatementKind.Denial);
        DenialWindow = PageWindow.Of(DenialPage, RowsPerPage, await denials.CountAsync(cancellationToken));
        Denials = await DenialRows.Query(await denials.PageAsync(db, DenialWindow, cancellationToken)).ToListAsync(cancellationToken);
        return Page();
    }
}

public sealed record StateView(CountryCode Code, string NameEn, string NameEs, IReadOnlyList<NamedLink> Parties)
{
    /// <summary>The page's projection of one state with the parties that speak for it, which the JSON API reads too.</summary>
    public static IQueryable<StateView> Query(AttributionDbContext db, IQueryable<State> states) =>
        states.Select(s => new StateView(
            s.Code,
            s.NameEn,
            s.NameEs,
            db.Parties.Where(p => p.StateCode == s.Code).OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new NamedLink(p.Slug, p.Name)).ToList()));
}

public sealed record SponsoredActor(Slug Slug, string Name, int Accused);
