using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Generate;

/// <summary>Fills a fresh store with a deterministic synthetic dataset for benchmarks; the work is <see cref="StoreGenerator"/>'s.</summary>
internal sealed class GenerateCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<GenerateCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--scale <FACTOR>")]
        [Description("Multiply the default sizes (2,000 actors, 100,000 incidents, 1,000,000 statements, 50,000 sources): 0.01 gives 20/1,000/10,000/500. Explicit sizes win.")]
        public double? Scale { get; init; }

        [CommandOption("--actors <N>")]
        [Description("Actors accused: the store's own (reference data) first, the rest made up with aliases.")]
        public int? Actors { get; init; }

        [CommandOption("--incidents <N>")]
        public int? Incidents { get; init; }

        [CommandOption("--statements <N>")]
        public int? Statements { get; init; }

        [CommandOption("--sources <N>")]
        [Description("Articles (English and Spanish) the statements are quoted from.")]
        public int? Sources { get; init; }

        [CommandOption("--seed <N>")]
        [Description("The same seed and sizes give the same records (default 1).")]
        public int Seed { get; init; } = 1;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Scale is { } scale && (scale <= 0 || double.IsNaN(scale) || scale > 100))
        {
            console.MarkupLineInterpolated($"[red]error:[/] --scale must be a number above 0 and at most 100, not {scale.ToString(CultureInfo.InvariantCulture)}. Nothing was written.");
            return 1;
        }

        var basis = settings.Scale is { } s ? GenerationOptions.Scaled(s) : GenerationOptions.Default;
        var options = new GenerationOptions(
            settings.Actors ?? basis.Actors, settings.Incidents ?? basis.Incidents, settings.Statements ?? basis.Statements, settings.Sources ?? basis.Sources, settings.Seed);
        if (options.Problems() is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {problem}");
            }

            console.MarkupLine("Nothing was written.");
            return 1;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        var clock = Stopwatch.StartNew();

        // As the web app's first start does: migrations, reference data and seed articles, so the generated
        // population stands beside the real states, parties and actors.
        await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var generator = new StoreGenerator(db);
        console.MarkupLineInterpolated($"Generating {options} into [bold]{db.Database.GetDbConnection().DataSource}[/]");
        GenerationResult result;
        var loading = Stopwatch.StartNew();
        try
        {
            result = await GenerationProgressDisplay.RunAsync(console, progress => generator.GenerateAsync(options, progress, cancellationToken));
        }
        catch (StoreNotEmptyException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }

        loading.Stop();
        var rows = (long)result.Statements + result.Sources + result.Incidents + result.NewActors + result.NewParties;
        console.MarkupLineInterpolated(
            $"Generated {result.Statements:N0} statements, {result.Sources:N0} sources, {result.Incidents:N0} incidents, {result.NewActors:N0} new actors (+{result.StoredActorsUsed:N0} from the store), {result.NewParties:N0} new parties in {loading.Elapsed.TotalSeconds:N1} s ({rows / Math.Max(loading.Elapsed.TotalSeconds, 0.001):N0} records/s; {clock.Elapsed.TotalSeconds:N1} s with initialisation).");
        if (StoreFile(db) is { } file && File.Exists(file))
        {
            console.MarkupLineInterpolated($"Store file: {file} ({new FileInfo(file).Length / 1024.0 / 1024.0:N1} MB).");
        }

        return 0;
    }

    private static string? StoreFile(AttributionDbContext db) =>
        db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite ? sqlite.DataSource : null;
}
