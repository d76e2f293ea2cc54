using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Search;

/// <summary>
/// The search on PostgreSQL, over the tsvector columns and the <c>SearchNames</c> table the PostgreSQL SiteSearch
/// migration made (GIN-indexed, kept current by generated columns and triggers). It behaves as
/// <see cref="SqliteSearchIndex"/> does: the same words match (accents and case ignored, the last word also as a
/// prefix), names outrank aliases, which outrank text, and snippets are cut only for the page shown.
/// </summary>
public sealed class PostgresSearchIndex(AttributionDbContext db) : RankedSearchIndex(db)
{
    // ts_headline's options: the match markers, and how long a passage is (in words, as FTS5's snippet counts tokens).
    private static readonly string Markers = $"StartSel=\"{HighlightedText.Open}\", StopSel=\"{HighlightedText.Close}\"";
    private static readonly string Whole = Markers + ", HighlightAll=true";

    private static string Passage(int words) => $"{Markers}, MaxWords={words}, MinWords={Math.Max(1, words / 2)}, ShortWord=0";

    protected override string? ToQuery(string? text) => SearchQuery.ToTsQuery(text);

    protected override async Task MarkAsync(string query, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken)
    {
        await MarkNamesAsync(query, page, marked, cancellationToken);
        await MarkStatementsAsync(query, page, marked, cancellationToken);
        await MarkSourcesAsync(query, page, marked, cancellationToken);
    }

    /// <summary>
    /// Every matching record with its rank, lower is better as with SQLite's bm25: minus ts_rank over the weighted
    /// vectors (name A, alias or identifier B, article title C, summary, quote or article text D, at ts_rank's default
    /// weights 1, 0.4, 0.2 and 0.1). A statement is also found through the actor it accuses or the incident it is
    /// about, at a hundredth of that record's rank; a statement found both ways counts once.
    /// </summary>
    protected override IQueryable<IndexMatch> Matches(string query) =>
        Db.Database.SqlQuery<IndexMatch>($"""
            SELECT n."Id", n."Kind", -ts_rank(n."Document", q.query)::float8 AS "Rank"
            FROM "SearchNames" AS n, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q
            WHERE n."Document" @@ q.query
            UNION ALL
            SELECT "Id", 4, min("Rank") FROM (
                SELECT s."Id", -ts_rank(s."SearchDocument", q.query)::float8 AS "Rank"
                FROM "Statements" AS s, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q
                WHERE s."SearchDocument" @@ q.query
                UNION ALL
                SELECT s."Id", -ts_rank(n."Document", q.query)::float8 * 0.01
                FROM "SearchNames" AS n, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q, "Statements" AS s
                WHERE n."Document" @@ q.query AND n."Kind" = 1 AND s."AccusedActorId" = n."Id"
                UNION ALL
                SELECT s."Id", -ts_rank(n."Document", q.query)::float8 * 0.01
                FROM "SearchNames" AS n, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q, "Statements" AS s
                WHERE n."Document" @@ q.query AND n."Kind" = 2 AND s."IncidentId" = n."Id") AS found
            GROUP BY "Id"
            UNION ALL
            SELECT so."Id", 5, -ts_rank(so."SearchDocument", q.query)::float8
            FROM "Sources" AS so, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q
            WHERE so."SearchDocument" @@ q.query
            """);

    private async Task MarkNamesAsync(string query, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken)
    {
        var named = page.Where(m => m.Kind is >= 1 and <= 3).ToList();
        if (named.Count == 0)
        {
            return;
        }

        var (kinds, ids) = (named.Select(m => m.Kind).ToArray(), named.Select(m => m.Id).ToArray());
        var (aliases, identifiers, summary) = (Passage(16), Passage(8), Passage(24));
        var rows = await Db.Database.SqlQuery<NameRow>($"""
            SELECT n."Kind", n."Id",
                   CASE n."Kind"
                       WHEN 1 THEN (SELECT "Slug" FROM "Actors" WHERE "Id" = n."Id")
                       WHEN 2 THEN (SELECT "Slug" FROM "Incidents" WHERE "Id" = n."Id")
                       ELSE (SELECT "Slug" FROM "Parties" WHERE "Id" = n."Id") END AS "Slug",
                   n."Name",
                   ts_headline('attribution_search', n."Name", q.query, {Whole}) AS "Title",
                   n."AlsoKnownAs",
                   ts_headline('attribution_search', n."AlsoKnownAs", q.query, {aliases}) AS "MarkedAlsoKnownAs",
                   n."Identifiers",
                   ts_headline('attribution_search', n."Identifiers", q.query, {identifiers}) AS "MarkedIdentifiers",
                   n."Summary",
                   ts_headline('attribution_search', n."Summary", q.query, {summary}) AS "MarkedSummary"
            FROM "SearchNames" AS n
            JOIN unnest({kinds}, {ids}) AS page("Kind", "Id") ON page."Kind" = n."Kind" AND page."Id" = n."Id",
                 (SELECT to_tsquery('attribution_search', {query}) AS query) AS q
            """).ToListAsync(cancellationToken);

        foreach (var row in rows)
        {
            // Show where the query matched besides the name; failing that, the aliases, which say what the record is.
            var passages = new[]
            {
                Snippet(row.AlsoKnownAs, row.MarkedAlsoKnownAs), Snippet(row.Identifiers, row.MarkedIdentifiers), Snippet(row.Summary, row.MarkedSummary),
            };
            var snippet = passages.FirstOrDefault(p => p?.Contains(HighlightedText.Open, StringComparison.Ordinal) == true)
                ?? passages[0] ?? passages[2];
            marked[(row.Kind, row.Id)] = new Marked(row.Slug, row.Title, snippet);
        }
    }

    private async Task MarkStatementsAsync(string query, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken)
    {
        var ids = page.Where(m => m.Kind == (int)SearchKind.Statement).Select(m => m.Id).ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var options = Passage(40);
        var rows = await Db.Database.SqlQuery<ContentRow>($"""
            SELECT s."Id", NULL AS "Title", NULL AS "MarkedTitle", s."Quote" AS "Text",
                   ts_headline('attribution_search', s."Quote", q.query, {options}) AS "MarkedText"
            FROM "Statements" AS s, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q
            WHERE s."Id" = ANY({ids}) AND s."SearchDocument" @@ q.query
            """).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            marked[((int)SearchKind.Statement, row.Id)] = new Marked(null, null, Snippet(row.Text, row.MarkedText));
        }
    }

    private async Task MarkSourcesAsync(string query, List<IndexMatch> page, Dictionary<(int Kind, int Id), Marked> marked, CancellationToken cancellationToken)
    {
        var ids = page.Where(m => m.Kind == (int)SearchKind.Source).Select(m => m.Id).ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        var options = Passage(40);
        var rows = await Db.Database.SqlQuery<ContentRow>($"""
            SELECT s."Id", s."Title", ts_headline('attribution_search', s."Title", q.query, {Whole}) AS "MarkedTitle",
                   s."Text", ts_headline('attribution_search', s."Text", q.query, {options}) AS "MarkedText"
            FROM "Sources" AS s, (SELECT to_tsquery('attribution_search', {query}) AS query) AS q
            WHERE s."Id" = ANY({ids})
            """).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            marked[((int)SearchKind.Source, row.Id)] = new Marked(null, row.MarkedTitle, Snippet(row.Text, row.MarkedText));
        }
    }

    /// <summary>
    /// ts_headline's passage, with an ellipsis where it cuts the text (FTS5's snippet marks cuts; ts_headline does not).
    /// Null when the text is.
    /// </summary>
    private static string? Snippet(string? text, string? headline)
    {
        if (text is null || headline is null)
        {
            return null;
        }

        var plain = HighlightedText.Parse(headline).PlainText;
        var start = text.IndexOf(plain, StringComparison.Ordinal);
        if (plain.Length == 0 || start < 0)
        {
            return headline;
        }

        return (start > 0 ? Ellipsis : "") + headline + (start + plain.Length < text.Length ? Ellipsis : "");
    }

    private sealed record NameRow(
        int Kind, int Id, string? Slug, string? Name, string? Title, string? AlsoKnownAs, string? MarkedAlsoKnownAs,
        string? Identifiers, string? MarkedIdentifiers, string? Summary, string? MarkedSummary);

    private sealed record ContentRow(int Id, string? Title, string? MarkedTitle, string? Text, string? MarkedText);
}
