using System.Text;
using AttributionTracker.Domain;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using AttributionTracker.Interop.Csv;
using AttributionTracker.Queries;
using CsvHelper;
using Microsoft.Extensions.Logging.Abstractions;

namespace AttributionTracker.Tests.Interop;

/// <summary>The seed store, CSV files written by hand and CSV downloads read back.</summary>
internal static class CsvTestFiles
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Reference data and the seed article: parties, actors, an incident, a source and its statements.</summary>
    public static async Task<TestStore> SeededAsync()
    {
        var store = await TestStore.CreateWithReferenceDataAsync();
        await using var db = store.NewContext();
        var article = ArticleReader.ReadFile(RepositoryFiles.SeedArticle, new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });
        await new ArticleImporter(db, NullLogger<ArticleImporter>.Instance).ImportAsync(article, "seed.txt", Ct);
        return store;
    }

    public static async Task<byte[]> ExportStatementsAsync(TestStore store, StatementFilter? filter = null)
    {
        await using var db = store.NewContext();
        using var stream = new MemoryStream();
        await StatementCsvExport.WriteAsync(db, filter ?? StatementFilter.None, stream, Ct);
        return stream.ToArray();
    }

    public static async Task<StatementCsvImportResult> ImportStatementsAsync(TestStore store, byte[] csv)
    {
        await using var db = store.NewContext();
        db.ChangedBy = "csv import";
        return await new StatementCsvImport(db).ImportAsync(new MemoryStream(csv), "statements.csv", Ct);
    }

    /// <summary>Rows of cells, every cell quoted, as a spreadsheet saves them.</summary>
    public static byte[] Csv(params IEnumerable<string>[] rows) =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))) + "\r\n");

    /// <summary>The header and the records of a CSV file, cells exactly as stored in the file.</summary>
    public static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Read(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        IReadOnlyList<string>? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers];
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i) ?? "")).ToDictionary(x => x.name, x => x.value));
        }

        return (header ?? [.. reader.Headers], rows);
    }
}
