using System.Text.Json;
using AttributionTracker.Domain;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Data.Seeding;

/// <summary>
/// Imports every article file in the seeds folder through the same importer as the command line. An article already
/// stored is recognised by its text hash and left alone, so this runs at every start at the cost of a hash.
/// <c>seeds.json</c> supplies what an article's text lacks (its date, a title).
/// </summary>
public sealed class SeedArticlesLoader(ArticleImporter importer, ILogger<SeedArticlesLoader> logger)
{
    public const string ManifestFile = "seeds.json";

    private static readonly string[] Extensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    public async Task<int> LoadAsync(string seedsFolder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(seedsFolder))
        {
            return 0;
        }

        var manifest = await ReadManifestAsync(seedsFolder, cancellationToken);
        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(seedsFolder).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var known = manifest.GetValueOrDefault(Path.GetFileName(file));
            try
            {
                var article = ArticleReader.ReadFile(file, new ArticleReadOptions
                {
                    Language = known?.Language,
                    Title = known?.Title,
                    PublishedOn = PartialDate.TryParse(known?.Published, out var date) ? date : null,
                });
                // Extraction (the lexicons, the patterns) costs seconds at start; an article already stored needs none.
                if (await importer.HoldsAsync(article, cancellationToken))
                {
                    continue;
                }

                var result = await importer.ImportAsync(article, "seeds/" + Path.GetFileName(file), cancellationToken);
                if (result.Outcome == ImportOutcome.Imported)
                {
                    imported++;
                    logger.LogInformation("Seed article {File}: {Statements} statements", Path.GetFileName(file), result.Statements);
                }
            }
            catch (ArticleReadException e)
            {
                logger.LogWarning("Seed article skipped: {Reason}", e.Message);
            }
        }

        return imported;
    }

    private static async Task<Dictionary<string, SeedArticle>> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ManifestFile);
        if (!File.Exists(path))
        {
            return [];
        }

        await using var stream = File.OpenRead(path);
        var manifest = await JsonSerializer.DeserializeAsync<SeedManifest>(stream, ReferenceJson.Options, cancellationToken);
        return manifest?.Articles.ToDictionary(a => a.File, StringComparer.Ordinal) ?? [];
    }

    private sealed record SeedManifest(List<SeedArticle> Articles);

    private sealed record SeedArticle(string File, string? Published, string? Title, string? Language);
}
