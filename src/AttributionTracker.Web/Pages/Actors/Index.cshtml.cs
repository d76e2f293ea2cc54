using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    /// <summary>A name or any alias, in part, in any case and with or without accents ("hafnio").</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Name { get; set; }

    /// <summary>Only actors some public statement accuses.</summary>
    [BindProperty(SupportsGet = true, Name = "accused")]
    public bool OnlyAccused { get; set; }

    public IReadOnlyList<ActorRow> Actors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var statements = db.Statements.AsNoTracking().PublicOn(HttpContext.AsOf());
        var actors = ActorList.Matching(db.Actors.AsNoTracking(), statements, Name, OnlyAccused);
        Actors = await (await PageOfAsync(actors, cancellationToken))
            .Select(a => new ActorRow(a.Slug, a.Name, a.Kind, a.SponsorStateCode, statements.Count(s => s.AccusedActorId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
