using System.Text.Json;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Search;

/// <summary>
/// The search over the FTS5 tables the SiteSearch migration made and its triggers keep current: bm25 ranks the
/// matches, FTS5's highlight and snippet mark up the page (<see cref="RankedSearchIndex"/> does the rest).
/// </summary>
public sealed class SqliteSearchIndex(AttributionDbContext db) : RankedSearchIndex(db)
{
    protected override string? ToQuery(string? text) => SearchQuery.ToFts5(text);

    protected override async Task MarkAsync(string query, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken)
    {
        await MarkNamesAsync(query, page, marked, cancellationToken);
        await MarkAsync(query, page, SearchKind.Statement, marked, StatementSnippetsSql, cancellationToken);
        await MarkAsync(query, page, SearchKind.Source, marked, SourceSnippetsSql, cancellationToken);
    }

    /// <summary>
    /// Every matching record with its bm25 rank. Column weights put a name (10) or an alias or identifier (8) well
    /// above a summary, a quote or an article's text (1); an article's title (4) sits between. A statement is also
    /// found through the actor it accuses or the incident it is about ("hafnio" finds Microsoft naming Hafnium),
    /// ranked at a hundredth of that actor's or incident's match — below, as a rule, a statement that says the words
    /// itself; a statement found both ways counts once.
    /// </summary>
    protected override IQueryable<IndexMatch> Matches(string match) =>
        Db.Database.SqlQuery<IndexMatch>($"""
            SELECT rowid / 4 AS "Id", rowid % 4 AS "Kind", bm25("SearchNames", 10.0, 8.0, 8.0, 1.0) AS "Rank"
            FROM "SearchNames" WHERE "SearchNames" MATCH {match}
            UNION ALL
            SELECT "Id", 4, min("Rank") FROM (
                SELECT rowid AS "Id", bm25("SearchStatements") AS "Rank" FROM "SearchStatements" WHERE "SearchStatements" MATCH {match}
                UNION ALL
                SELECT s."Id", n."Rank" * 0.01 FROM "Statements" AS s
                JOIN (SELECT rowid AS "RowId", bm25("SearchNames", 10.0, 8.0, 8.0, 1.0) AS "Rank" FROM "SearchNames" WHERE "SearchNames" MATCH {match}) AS n
                    ON n."RowId" % 4 = 1 AND s."AccusedActorId" = n."RowId" / 4
                UNION ALL
                SELECT s."Id", n."Rank" * 0.01 FROM "Statements" AS s
                JOIN (SELECT rowid AS "RowId", bm25("SearchNames", 10.0, 8.0, 8.0, 1.0) AS "Rank" FROM "SearchNames" WHERE "SearchNames" MATCH {match}) AS n
                    ON n."RowId" % 4 = 2 AND s."IncidentId" = n."RowId" / 4)
            GROUP BY "Id"
            UNION ALL
            SELECT rowid, 5, bm25("SearchSources", 4.0, 1.0) FROM "SearchSources" WHERE "SearchSources" MATCH {match}
            """);

    private async Task MarkNamesAsync(string match, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken)
    {
        var rowIds = page.Where(m => m.Kind is >= 1 and <= 3).Select(m => (m.Id * 4) + m.Kind).ToList();
        if (rowIds.Count == 0)
        {
            return;
        }

        var (open, close, ids) = (HighlightedText.Open.ToString(), HighlightedText.Close.ToString(), JsonSerializer.Serialize(rowIds));
        var rows = await Db.Database.SqlQuery<NameRow>($"""
            SELECT rowid AS "RowId",
                   CASE "SearchNames".rowid % 4
                       WHEN 1 THEN (SELECT "Slug" FROM "Actors" WHERE "Id" = "SearchNames".rowid / 4)
                       WHEN 2 THEN (SELECT "Slug" FROM "Incidents" WHERE "Id" = "SearchNames".rowid / 4)
                       ELSE (SELECT "Slug" FROM "Parties" WHERE "Id" = "SearchNames".rowid / 4) END AS "Slug",
                   highlight("SearchNames", 0, {open}, {close}) AS "Title",
                   snippet("SearchNames", 1, {open}, {close}, {Ellipsis}, 16) AS "AlsoKnownAs",
                   snippet("SearchNames", 2, {open}, {close}, {Ellipsis}, 8) AS "Identifiers",
                   snippet("SearchNames", 3, {open}, {close}, {Ellipsis}, 24) AS "Summary"
            FROM "SearchNames"
            WHERE "SearchNames" MATCH {match} AND rowid IN (SELECT value FROM json_each({ids}))
            """).ToListAsync(cancellationToken);

        foreach (var row in rows)
        {
            // Show where the query matched besides the name; failing that, the aliases, which say what the record is.
            var passages = new[] { row.AlsoKnownAs, row.Identifiers, row.Summary };
            var snippet = passages.FirstOrDefault(p => p?.Contains(HighlightedText.Open, StringComparison.Ordinal) == true)
                ?? row.AlsoKnownAs ?? row.Summary;
            marked[((int)(row.RowId % 4), (int)(row.RowId / 4))] = new Marked(row.Slug, row.Title, snippet);
        }
    }

    private const string StatementSnippetsSql = """
        SELECT rowid AS "Id", NULL AS "Title", snippet("SearchStatements", 0, {0}, {1}, {2}, 40) AS "Snippet"
        FROM "SearchStatements" WHERE "SearchStatements" MATCH {3} AND rowid IN (SELECT value FROM json_each({4}))
        """;

    private const string SourceSnippetsSql = """
        SELECT rowid AS "Id", highlight("SearchSources", 0, {0}, {1}) AS "Title", snippet("SearchSources", 1, {0}, {1}, {2}, 40) AS "Snippet"
        FROM "SearchSources" WHERE "SearchSources" MATCH {3} AND rowid IN (SELECT value FROM json_each({4}))
        """;

    private async Task MarkAsync(
        string match, List<IndexMatch> page, SearchKind kind, Dictionary<(int Kind, int Id), Marked> marked, string sql, CancellationToken cancellationToken)
    {
        var ids = page.Where(m => m.Kind == (int)kind).Select(m => m.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var rows = await Db.Database.SqlQueryRaw<ContentRow>(
                sql, HighlightedText.Open.ToString(), HighlightedText.Close.ToString(), Ellipsis, match, JsonSerializer.Serialize(ids))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            marked[((int)kind, (int)row.Id)] = new Marked(null, row.Title, row.Snippet);
        }
    }

    private sealed record NameRow(long RowId, string? Slug, string? Title, string? AlsoKnownAs, string? Identifiers, string? Summary);

    private sealed record ContentRow(long Id, string? Title, string? Snippet);
}
