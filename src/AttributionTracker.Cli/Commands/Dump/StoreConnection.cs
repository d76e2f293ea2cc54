using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace AttributionTracker.Cli.Commands.Dump;

/// <summary>Where the store of a command is, found the way the store itself finds it, without opening it.</summary>
internal static class StoreConnection
{
    public static string ConnectionString(IConfiguration configuration, StoreSettings settings)
    {
        var options = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        options.DataFolder = settings.DataFolder ?? options.DataFolder;
        options.ConnectionString = settings.ConnectionString ?? options.ConnectionString;
        return options.ResolveConnectionString();
    }

    /// <summary>The SQLite file the connection names, or null when it is not one (another database, or in memory).</summary>
    public static string? SqliteFile(string connectionString)
    {
        try
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) ? null : Path.GetFullPath(file);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
