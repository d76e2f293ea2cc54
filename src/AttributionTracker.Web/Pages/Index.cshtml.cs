using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages;

/// <summary>The front page: counts, a search box, the latest statements and who blames whom, all as of the request's day.</summary>
public sealed class IndexModel(AttributionDbContext db, HomeMatrixCache matrices) : PageModel
{
    public const int FeedLength = 20;

    /// <summary>Rows and columns of the matrix: the busiest accusing and accused states.</summary>
    public const int MatrixStates = 12;

    public StoreCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public IReadOnlyList<StatementRow> LatestStatements { get; private set; } = [];

    /// <summary>What the matrix counts: attributions public on the as-of day, at or above the chosen confidence.</summary>
    public StatementFilter MatrixBasis { get; private set; } = StatementFilter.None;

    /// <summary>Null while it is still being computed (a large store just after start or a write).</summary>
    public AttributionMatrix? Matrix { get; private set; }

    /// <summary>Why the matrix's confidence value was not used, if it was not.</summary>
    public string? MatrixError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var asOf = HttpContext.AsOf();
        var parsed = StatementFilterQuery.Parse(name => name == StatementFilterQuery.Confidence ? Request.Query[name].FirstOrDefault() : null, asOf);
        MatrixBasis = parsed.Filter;
        MatrixError = parsed.Errors.FirstOrDefault()?.Message;

        var statements = db.Statements.AsNoTracking().PublicOn(asOf);
        Counts = new StoreCounts(
            await db.Actors.CountAsync(cancellationToken),
            asOf is null
                ? await db.Incidents.CountAsync(cancellationToken)
                : await db.Incidents.CountAsync(i => statements.Any(s => s.IncidentId == i.Id), cancellationToken),
            await statements.CountAsync(cancellationToken),
            await db.Parties.CountAsync(cancellationToken),
            await db.Sources.PublishedBy(asOf).CountAsync(cancellationToken));
        // The newest statements are the first entries of the date index (IX_Statements_Date): a short read at any size.
        var latest = await db.Statements.AsNoTracking().PublicOn(asOf).PageAsync(db, new PageWindow(1, FeedLength, FeedLength), cancellationToken);
        LatestStatements = await StatementRow.Query(latest).ToListAsync(cancellationToken);
        Matrix = (await matrices.GetAsync(db, MatrixBasis, cancellationToken))?.Top(MatrixStates);
        if (Matrix is null)
        {
            // This answer must not be kept by the output cache, and the browser comes back for the whole page.
            Response.Headers.CacheControl = "no-store";
            Response.Headers["Refresh"] = "3";
        }

        if (MatrixError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>The incident list a matrix cell stands for, as route values.</summary>
    public Dictionary<string, string> CellQuery(CountryCode accuser, CountryCode accused) =>
        AttributionMatrix.CellFilter(MatrixBasis, accuser, accused).ToQuery().ToDictionary();
}

public sealed record StoreCounts(int Actors, int Incidents, int Statements, int Parties, int Sources);

public sealed record IncidentRow(Slug Slug, string Name, PartialDate? Date, int Statements);

public sealed record ActorRow(Slug Slug, string Name, ActorKind Kind, CountryCode? SponsorState, int Statements);
