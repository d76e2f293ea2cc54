using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Sources;

public sealed class IndexModel(AttributionDbContext db) : PagedListModel
{
    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var asOf = HttpContext.AsOf();
        var statements = db.Statements.PublicOn(asOf);
        Sources = await (await PageOfAsync(db.Sources.AsNoTracking().PublishedBy(asOf)
            .OrderByDescending(s => s.PublishedOn!.Start).ThenByDescending(s => s.Id), cancellationToken))
            .Select(s => new SourceRow(s.Id, s.Title, s.Publisher, s.Language, s.PublishedOn, statements.Count(x => x.SourceId == s.Id)))
            .ToListAsync(cancellationToken);
    }
}

public sealed record SourceRow(int Id, string Title, string? Publisher, string Language, PartialDate? PublishedOn, int Statements);
