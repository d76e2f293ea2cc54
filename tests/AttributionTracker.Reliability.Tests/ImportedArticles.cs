using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Reliability.Tests;

/// <summary>What the store holds of one article file: how many sources carry its text, and their statements.</summary>
public sealed record StoredArticle(string File, int Copies, int Statements, int StatementsWithoutParty);

/// <summary>
/// Compares a store with the article files imported into it: each file's text (by fingerprint) against the sources
/// stored for it, and the statements stored against what the extractor finds in the file.
/// </summary>
public sealed class ImportedArticles
{
    private readonly Dictionary<string, string> fileByFingerprint;

    public ImportedArticles(IEnumerable<string> files)
    {
        fileByFingerprint = [];
        var statements = new Dictionary<string, int>();
        foreach (var file in files)
        {
            var article = ArticleReader.ReadFile(file);
            fileByFingerprint.Add(SourceText.Fingerprint(article.Text), file);
            statements[file] = Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn).Statements.Count;
        }

        ExpectedStatements = statements;
    }

    /// <summary>How many statements the importer writes for each file (the extractor's statements, all kept).</summary>
    public IReadOnlyDictionary<string, int> ExpectedStatements { get; }

    /// <summary>Every file that has at least one source in the store, with what is stored for it.</summary>
    public async Task<IReadOnlyList<StoredArticle>> InStoreAsync(AttributionDbContext db, CancellationToken cancellationToken)
    {
        var fingerprints = fileByFingerprint.Keys.ToList();
        var rows = await db.Sources.AsNoTracking()
            .Where(s => fingerprints.Contains(s.TextSha256))
            .Select(s => new
            {
                s.TextSha256,
                Statements = s.Statements.Count,
                WithoutParty = s.Statements.Count(st => !st.Parties.Any()),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.TextSha256).Select(g => new StoredArticle(
            fileByFingerprint[g.Key], g.Count(), g.Sum(r => r.Statements), g.Sum(r => r.WithoutParty)))];
    }
}
