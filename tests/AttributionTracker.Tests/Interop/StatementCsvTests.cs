using AttributionTracker.Domain;
using AttributionTracker.Interop.Csv;
using Microsoft.EntityFrameworkCore;
using static AttributionTracker.Tests.Interop.CsvTestFiles;
using C = AttributionTracker.Interop.Csv.StatementCsvColumns;

namespace AttributionTracker.Tests.Interop;

public sealed class StatementCsvTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Quotes = ["=HYPERLINK(\"http://evil.example\")", "-1 servidores", "'ya entre comillas"];

    [Fact]
    public async Task Statements_exported_and_imported_into_a_fresh_store_export_to_the_same_rows_formulas_escaped_and_restored()
    {
        await using var original = await SeededAsync();
        await using (var db = original.NewContext())
        {
            db.ChangedBy = "test";
            var statements = await db.Statements.OrderBy(s => s.Id).Take(Quotes.Length).ToListAsync(Ct);
            for (var i = 0; i < statements.Count; i++)
            {
                statements[i].Quote = Quotes[i];
            }

            await db.SaveChangesAsync(Ct);
        }

        var exported = await ExportStatementsAsync(original);
        var (header, rows) = Read(exported);
        Assert.Equal(C.Names, header);
        Assert.Equal(["'=HYPERLINK(\"http://evil.example\")", "'-1 servidores", "''ya entre comillas"], rows.Take(3).Select(r => r[C.Quote]));
        Assert.Contains(rows, r => r[C.Answers].Length > 0);

        // The same reference data and article, but none of its statements: every row is a new statement.
        await using var fresh = await SeededAsync();
        await using (var db = fresh.NewContext())
        {
            await db.Set<StatementAnswer>().ExecuteDeleteAsync(Ct);
            await db.Set<StatementParty>().ExecuteDeleteAsync(Ct);
            await db.Statements.ExecuteDeleteAsync(Ct);
        }

        var result = await ImportStatementsAsync(fresh, exported);

        Assert.Equal(new StatementCsvImportResult(rows.Count, 0, 0), result);
        var reexported = Read(await ExportStatementsAsync(fresh));
        Assert.Equal(WithoutIds(rows), WithoutIds(reexported.Rows));
        await using (var db = fresh.NewContext())
        {
            Assert.Equal(Quotes, await db.Statements.OrderBy(s => s.Id).Take(Quotes.Length).Select(s => s.Quote).ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task Importing_the_store_its_own_export_changes_nothing_and_an_edited_row_updates_its_statement()
    {
        await using var store = await SeededAsync();
        var exported = await ExportStatementsAsync(store);
        var (header, rows) = Read(exported);

        Assert.Equal(new StatementCsvImportResult(0, 0, rows.Count), await ImportStatementsAsync(store, exported));

        var edited = rows[0];
        edited[C.Confidence] = "remote-chance";
        edited[C.ConfidenceWording] = "hay una posibilidad remota";
        edited[C.Date] = "early 2021-07";
        var result = await ImportStatementsAsync(store, Csv(header, [.. header.Select(h => edited[h])]));

        Assert.Equal(new StatementCsvImportResult(0, 1, 0), result);
        await using var db = store.NewContext();
        Assert.Equal(rows.Count, await db.Statements.CountAsync(Ct));
        var statement = await db.Statements.SingleAsync(s => s.Id == int.Parse(edited[C.Id]), Ct);
        Assert.Equal(new Confidence(ConfidenceLevel.RemoteChance, "hay una posibilidad remota"), statement.Confidence);
        Assert.Equal("early 2021-07", statement.Date!.ToString());
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_problem_by_row_and_column()
    {
        await using var store = await SeededAsync();
        int before;
        await using (var db = store.NewContext())
        {
            before = await db.Statements.CountAsync(Ct);
        }

        var good = Row(("kind", "attribution"), ("party_slugs", "microsoft"), ("quote", "A good row"));
        var csv = Csv(
            C.Names,
            good,
            Row(("kind", "accusation"), ("date", "2021-13"), ("party_slugs", "microsoft; no-such-party"), ("confidence", "very sure")),
            Row(("kind", "denial"), ("party_slugs", "microsoft"), ("actor_slug", "nobody"), ("accused_state", "ZZ"), ("incident_slug", "no-incident")),
            Row(("kind", "attribution"), ("party_slugs", ""), ("span_start", "3"), ("answers", "99999; x"), ("retracted", "maybe")),
            Row(("id", "abc"), ("kind", "attribution"), ("party_slugs", "microsoft"), ("quote", new string('x', 4_001)), ("quote_language", "spanish")));

        var error = await Assert.ThrowsAsync<CsvImportException>(() => ImportStatementsAsync(store, csv));

        Assert.Equal(
            [
                "row 6, column quote: 4001 characters; at most 4000",
                "row 3, column kind: “accusation” is not a kind: use one of attribution, denial, retraction, corroboration, response",
                "row 3, column date: “2021-13” is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03",
                "row 3, column party_slugs: no party has the slug “no-such-party”",
                "row 3, column confidence: “very sure” is not a confidence term: use one of remote-chance, highly-unlikely, unlikely, realistic-possibility, likely, highly-likely, almost-certain",
                "row 4, column actor_slug: no actor has the slug “nobody”",
                "row 4, column accused_state: “ZZ” is not the ISO code of a state in this store (such as CN or RU)",
                "row 4, column incident_slug: no incident has the slug “no-incident”",
                "row 5, column party_slugs: required",
                "row 5, column span_end: a span needs span_start, span_end and source_id",
                "row 5, column answers: “x” is not a statement id",
                "row 5, column retracted: “maybe” is not true or false",
                "row 6, column id: “abc” is not a whole number",
                "row 6, column quote_language: “spanish” is not a two-letter language code such as en or es",
                "row 5, column answers: no statement has the id 99999, in this file or in the store",
            ],
            error.Problems);
        Assert.StartsWith("statements.csv: nothing imported: row 6, column quote:", error.Message, StringComparison.Ordinal);
        await using (var db = store.NewContext())
        {
            Assert.Equal(before, await db.Statements.CountAsync(Ct));
            Assert.False(await db.Statements.AnyAsync(s => s.Quote == "A good row", Ct));
        }
    }

    [Theory]
    [InlineData("id,kind,date\r\n1,attribution,2021\r\n", "header: missing column party_slugs")]
    [InlineData("id,kind,date,party_slugs,actor_slug,accused_state,incident_slug,confidence,confidence_wording,quote,quote_language,source_id,span_start,span_end,answers,retracted,notes\r\n", "header, column notes: not a column of the statements CSV")]
    [InlineData("", "the file is empty")]
    public async Task A_file_without_the_columns_says_which_and_writes_nothing(string csv, string expected)
    {
        await using var store = await SeededAsync();

        var error = await Assert.ThrowsAsync<CsvImportException>(() => ImportStatementsAsync(store, System.Text.Encoding.UTF8.GetBytes(csv)));

        Assert.Contains(error.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_more_rows_than_an_import_takes_is_refused()
    {
        await using var store = await SeededAsync();
        var row = Row(("kind", "attribution"), ("party_slugs", "microsoft"));

        var error = await Assert.ThrowsAsync<CsvImportException>(() =>
            ImportStatementsAsync(store, Csv([C.Names, .. Enumerable.Repeat(row, C.MaxRows + 1)])));

        Assert.Equal([$"row {C.MaxRows + 2}: more than {C.MaxRows} rows; split the file"], error.Problems);
    }

    /// <summary>A statements row with the given cells and the rest empty.</summary>
    private static string[] Row(params (string Column, string Value)[] cells) =>
        [.. C.Names.Select(n => cells.FirstOrDefault(c => c.Column == n).Value ?? "")];

    /// <summary>The rows without their ids, answers written as the position of the answered row: what must survive a move between stores.</summary>
    private static List<string> WithoutIds(List<Dictionary<string, string>> rows)
    {
        var position = rows.Select((r, i) => (r[C.Id], i)).ToDictionary(x => x.Item1, x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return [.. rows.Select(r => string.Join(" | ", C.Names.Where(n => n != C.Id).Select(n =>
            n == C.Answers ? string.Join(";", CsvFormat.Split(r[n]).Select(a => "row " + position[a])) : r[n])))];
    }
}
