using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public ActorView Actor { get; private set; } = null!;

    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var actor = await db.Actors.AsNoTracking()
            .Where(a => a.Slug == key)
            .Select(a => new ActorView(
                a.Id,
                a.Name,
                a.Kind,
                a.SponsorStateCode,
                a.SponsorState == null ? null : a.SponsorState.NameEn,
                a.Description,
                a.Aliases.OrderBy(x => x.Name).Select(x => new AliasView(x.Name, x.Language, x.CoinedBy == null ? null : new NamedLink(x.CoinedBy.Slug, x.CoinedBy.Name))).ToList(),
                a.ExternalIds.OrderBy(e => e.System).Select(e => new ExternalIdView(e.System, e.Value)).ToList(),
                a.RelationsFrom.Select(r => new RelationView(r.Kind, new NamedLink(r.ToActor!.Slug, r.ToActor.Name), r.Note)).ToList(),
                a.RelationsTo.Select(r => new RelationView(r.Kind, new NamedLink(r.FromActor!.Slug, r.FromActor.Name), r.Note)).ToList(),
                a.References.OrderBy(r => r.Url).Select(r => r.Url).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            return NotFound();
        }

        Actor = actor;
        Statements = await StatementRow.Query(db.Statements.AsNoTracking().Where(s => s.AccusedActorId == actor.Id)
                .OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id).Take(200))
            .ToListAsync(cancellationToken);
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
    IReadOnlyList<string> References);

public sealed record AliasView(string Name, string? Language, NamedLink? CoinedBy);

public sealed record ExternalIdView(string System, string Value);

public sealed record RelationView(ActorRelationKind Kind, NamedLink Actor, string? Note);
