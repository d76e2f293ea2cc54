using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Sources;

public sealed class IndexModel(AttributionDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Sources.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, LastPage);
        Sources = await db.Sources.AsNoTracking()
            .OrderByDescending(s => s.PublishedOn!.Start).ThenByDescending(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new SourceRow(s.Id, s.Title, s.Publisher, s.Language, s.PublishedOn, db.Statements.Count(x => x.SourceId == s.Id)))
            .ToListAsync(cancellationToken);
    }
}

public sealed record SourceRow(int Id, string Title, string? Publisher, string Language, PartialDate? PublishedOn, int Statements);
