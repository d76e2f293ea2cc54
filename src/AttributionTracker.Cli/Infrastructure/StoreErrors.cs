using AttributionTracker.Data;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Infrastructure;

/// <summary>
/// The command line's last word on an exception: a store that cannot be opened (no connection string, a server
/// that is down or refuses the login) is a configuration problem and gets one line; anything else is shown as
/// Spectre shows it by default.
/// </summary>
internal static class StoreErrors
{
    public static int Report(Exception exception, IAnsiConsole console)
    {
        switch (exception)
        {
            case StoreUnavailableException e:
                console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return 1;
            case NpgsqlException e:
                console.MarkupLineInterpolated($"[red]error:[/] the PostgreSQL store cannot be used: {e.Message}");
                return 1;
            case CommandAppException { Pretty: { } pretty }:
                console.Write(pretty);
                return -1;
            default:
                console.WriteException(exception, ExceptionFormats.ShortenEverything);
                return -1;
        }
    }
}
