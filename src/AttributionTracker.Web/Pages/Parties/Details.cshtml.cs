using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Parties;

public sealed class DetailsModel(AttributionDbContext db) : PageModel
{
    public HistoryView History { get; private set; } = HistoryView.Empty(nameof(Domain.Party));

    public const int StatementsPerPage = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int StatementPage { get; set; } = 1;

    public PartyView Party { get; private set; } = null!;

    public IReadOnlyList<KindCount> Kinds { get; private set; } = [];

    public PartialDate? First { get; private set; }

    public PartialDate? Latest { get; private set; }

    public PageWindow StatementWindow { get; private set; } = PageWindow.Of(1, StatementsPerPage, 0);

    public IReadOnlyList<StatementRow> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return NotFound();
        }

        var party = await PartyView.Query(db, db.Parties.AsNoTracking().Where(p => p.Slug == key))
            .SingleOrDefaultAsync(cancellationToken);
        if (party is null)
        {
            return NotFound();
        }

        Party = party;
        var made = db.Statements.AsNoTracking().PublicOn(HttpContext.AsOf()).Where(s => s.Parties.Any(p => p.PartyId == party.Id));
        var kinds = await made.GroupBy(s => s.Kind).Select(g => new KindCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        Kinds = [.. kinds.OrderBy(k => k.Kind)];
        First = await made.Where(s => s.Date != null).OrderBy(s => s.Date!.Start).ThenBy(s => s.Id).Select(s => s.Date).FirstOrDefaultAsync(cancellationToken);
        Latest = await made.Where(s => s.Date != null).OrderByDescending(s => s.Date!.Start).ThenByDescending(s => s.Id).Select(s => s.Date).FirstOrDefaultAsync(cancellationToken);
        StatementWindow = PageWindow.Of(StatementPage, StatementsPerPage, Kinds.Sum(k => k.Count));
        Statements = await StatementRow.Query(await made.PageAsync(db, StatementWindow, cancellationToken)).ToListAsync(cancellationToken);
        History = await RecordHistory.ForAsync(db, nameof(Domain.Party), party.Id, cancellationToken);
        return Page();
    }
}

public sealed record PartyView(
    int Id,
    string Name,
    PartyKind Kind,
    CountryCode? State,
    string? StateName,
    string? Role,
    string? PersonName,
    NamedLink? Parent,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<NamedLink> Members,
    string? Description)
{
    /// <summary>The page's projection of one party, which the JSON API reads too.</summary>
    public static IQueryable<PartyView> Query(AttributionDbContext db, IQueryable<Party> parties) =>
        parties.Select(p => new PartyView(
            p.Id, p.Name, p.Kind, p.StateCode, p.State == null ? null : p.State.NameEn, p.Role, p.PersonName,
            p.Parent == null ? null : new NamedLink(p.Parent.Slug, p.Parent.Name),
            p.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
            db.Parties.Where(c => c.ParentId == p.Id).OrderBy(c => c.Name).Select(c => new NamedLink(c.Slug, c.Name)).ToList(),
            p.Description));
}

public sealed record KindCount(StatementKind Kind, int Count);
