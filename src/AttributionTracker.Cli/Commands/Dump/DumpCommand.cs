using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Dump;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Dump;

/// <summary>Writes the whole store, history and accounts (without secrets) included, as one JSON file.</summary>
internal sealed class DumpCommand(StoreFactory stores, IConfiguration configuration, IAnsiConsole console) : AsyncCommand<DumpCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("The file to write (default: standard output).")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Replace the output file if it exists.")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var connectionString = StoreConnection.ConnectionString(configuration, settings);
        if (StoreConnection.SqliteFile(connectionString) is { } file && !File.Exists(file))
        {
            console.MarkupLineInterpolated($"[red]error:[/] there is no store at {file}; nothing was written.");
            return 1;
        }

        if (settings.Output is { } output && SqliteBackup.Refusal(output, settings.Force) is { } refusal)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {refusal}; nothing was written.");
            return 1;
        }

        await using var provider = stores.Create(settings);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        // On PostgreSQL "no store" is a database that does not exist (EF would call it a store with every migration pending).
        if (!db.Database.IsSqlite() && !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            console.MarkupLineInterpolated($"[red]error:[/] there is no store at {StoreConnection.Describe(db)}; nothing was written.");
            return 1;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the store is not up to date ({pending.Count} migration(s) pending, from {pending[0]}); run `attribution init` on it first. Nothing was written.");
            return 1;
        }

        if (settings.Output is null)
        {
            // JSON goes straight to stdout, for a pipe or a redirect, never through the console's markup.
            await using var stdout = Console.OpenStandardOutput();
            await StoreDumper.DumpAsync(db, stdout, cancellationToken);
            return 0;
        }

        var target = Path.GetFullPath(settings.Output);
        var partial = target + ".partial";
        try
        {
            await using (var stream = File.Create(partial))
            {
                await StoreDumper.DumpAsync(db, stream, cancellationToken);
            }

            File.Move(partial, target, overwrite: settings.Force);
        }
        finally
        {
            File.Delete(partial);
        }

        console.MarkupLineInterpolated($"Dumped the store to [bold]{target}[/] ({new FileInfo(target).Length:N0} bytes). Passwords and tokens are not in it.");
        return 0;
    }
}
