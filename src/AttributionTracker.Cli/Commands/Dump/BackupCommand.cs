using System.ComponentModel;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Data.Dump;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Dump;

/// <summary>A consistent copy of the SQLite store while it is in use (SQLite's online backup); a PostgreSQL store has pg_dump for that.</summary>
internal sealed class BackupCommand(IConfiguration configuration, IAnsiConsole console) : AsyncCommand<BackupCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("The copy to write (a SQLite file).")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Replace the output file if it exists.")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Output))
        {
            console.MarkupLine("[red]error:[/] --output: give the file to write the copy to.");
            return 1;
        }

        if (StoreConnection.Provider(configuration) == StoreProvider.Postgres)
        {
            console.MarkupLine("[red]error:[/] backup copies SQLite store files only, and this store is on PostgreSQL: use pg_dump (for example `pg_dump --format=custom --file=attribution.pgdump DATABASE`), or `attribution dump` for a file either engine restores. Nothing was written.");
            return 1;
        }

        var connectionString = StoreConnection.ConnectionString(configuration, settings);
        if (StoreConnection.SqliteFile(connectionString) is not { } file)
        {
            console.MarkupLine("[red]error:[/] backup copies SQLite store files only, and this store is not one; use the database's own tools (pg_dump for PostgreSQL) or `attribution dump`. Nothing was written.");
            return 1;
        }

        if (!File.Exists(file))
        {
            console.MarkupLineInterpolated($"[red]error:[/] there is no store at {file}; nothing was written.");
            return 1;
        }

        if (SqliteBackup.Refusal(settings.Output, settings.Force) is { } refusal)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {refusal}; nothing was written.");
            return 1;
        }

        try
        {
            await SqliteBackup.BackupAsync(connectionString, settings.Output, settings.Force, cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the backup failed: {e.Message}. Nothing was written.");
            return 1;
        }

        console.MarkupLineInterpolated($"Copied {file} to [bold]{Path.GetFullPath(settings.Output)}[/] ({new FileInfo(settings.Output).Length:N0} bytes, integrity checked).");
        return 0;
    }
}
