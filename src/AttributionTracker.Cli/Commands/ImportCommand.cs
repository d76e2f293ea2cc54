using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Import.Persistence;
using AttributionTracker.Import.Reading;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

/// <summary>Imports articles into the store, each in its own transaction; an article already stored is reported and left alone.</summary>
internal sealed class ImportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<ImportCommand.Settings>
{
    private static readonly string[] ArticleExtensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Article files or folders of them (.txt, .md, .html).")]
        public required string[] Paths { get; init; }

        [CommandOption("--date <DATE>")]
        [Description("The publication date for articles whose text lacks one.")]
        public string? Date { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in settings.Paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => ArticleExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        await using var provider = stores.Create(settings);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        }

        var options = new ArticleReadOptions { PublishedOn = Domain.PartialDate.TryParse(settings.Date, out var d) ? d : null };
        var (imported, already, failed, statements) = (0, 0, 0, 0);
        var errors = new List<string>();
        async Task ImportAll(Action advance)
        {
            foreach (var file in files)
            {
                try
                {
                    var article = ArticleReader.ReadFile(file, options);
                    await using var scope = provider.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(article, file, cancellationToken);
                    if (result.Outcome == ImportOutcome.AlreadyImported)
                    {
                        already++;
                        errors.Add($"{file}: already imported (source {result.SourceId}); nothing changed");
                    }
                    else
                    {
                        imported++;
                        statements += result.Statements;
                    }
                }
                catch (ArticleReadException e)
                {
                    failed++;
                    errors.Add("error: " + e.Message);
                }

                advance();
            }
        }

        // The bar is for people at a terminal; in a pipe or a log it would only add noise.
        if (console.Profile.Capabilities.Interactive && files.Count > 1)
        {
            await console.Progress().AutoClear(true).StartAsync(progress =>
            {
                var task = progress.AddTask("Importing", maxValue: files.Count);
                return ImportAll(() => task.Increment(1));
            });
        }
        else
        {
            await ImportAll(() => { });
        }

        foreach (var line in errors)
        {
            console.WriteLine(line);
        }

        console.MarkupLineInterpolated($"{imported} imported ({statements} statements), {already} already imported, {failed} failed.");
        return failed > 0 ? 1 : 0;
    }
}
