using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Dump;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Dump;

/// <summary>Fills a new, empty store from a dump; refuses a store that already holds anything.</summary>
internal sealed class RestoreCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<RestoreCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A file written by `attribution dump`.")]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            console.MarkupLineInterpolated($"[red]error:[/] there is no file {settings.File}; nothing was written.");
            return 1;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();

        // The whole file is read and checked before the store is touched: bad input leaves no trace, not even a new store.
        DumpFile? dump;
        IReadOnlyList<string> problems;
        await using (var input = System.IO.File.OpenRead(settings.File))
        {
            (dump, problems) = await DumpFile.ReadAsync(input, DumpPlan.For(db), DumpMigrations.Known(db), cancellationToken);
        }

        if (dump is null)
        {
            foreach (var problem in problems)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {settings.File}: {problem}");
            }

            console.MarkupLine("Nothing was written.");
            return 1;
        }

        // Migrations only: no roles, reference data or seed articles, which would make the store not empty.
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection && StoreConnection.SqliteFile(db.Database.GetConnectionString()!) is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        await db.Database.MigrateAsync(cancellationToken);
        var occupied = await StoreRestorer.OccupiedTablesAsync(db, cancellationToken);
        if (occupied.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the store at {StoreConnection.Describe(db)} already holds records ({string.Join(", ", occupied.Take(5).Select(o => $"{o.Table}: {o.Rows:N0}"))}{(occupied.Count > 5 ? ", …" : "")}); restore writes only into an empty store. Give a new --data-folder (or, on PostgreSQL, a new database). Nothing was written.");
            return 1;
        }

        var rows = await StoreRestorer.RestoreAsync(db, dump, cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var accounts = dump.Rows.GetValueOrDefault("AspNetUsers")?.Count ?? 0;
        console.MarkupLineInterpolated($"Restored {rows:N0} rows into [bold]{StoreConnection.Describe(db)}[/].");
        if (accounts > 0)
        {
            console.MarkupLineInterpolated($"The {accounts} account(s) have no password: give each one with `attribution users set-password --email ADDRESS` (read from standard input).");
        }

        return 0;
    }
}
