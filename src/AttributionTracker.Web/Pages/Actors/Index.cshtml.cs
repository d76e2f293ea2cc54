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
        var actors = db.Actors.AsNoTracking();
        if (TextFolding.Key(Name ?? "") is { Length: > 0 } key)
        {
            // Aliases carry a folded key; canonical names do not, so they are matched word by word with LIKE
            // (case-insensitive for ASCII, which actor names are in practice).
            var namePattern = "%" + key.Replace(' ', '%') + "%";
            actors = actors.Where(a => EF.Functions.Like(a.Name, namePattern) || a.Aliases.Any(x => x.Key.Contains(key)));
        }

        if (OnlyAccused)
        {
            actors = actors.Where(a => statements.Any(s => s.AccusedActorId == a.Id));
        }

        Actors = await (await PageOfAsync(actors.OrderBy(a => a.Name).ThenBy(a => a.Id), cancellationToken))
            .Select(a => new ActorRow(a.Slug, a.Name, a.Kind, a.SponsorStateCode, statements.Count(s => s.AccusedActorId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
