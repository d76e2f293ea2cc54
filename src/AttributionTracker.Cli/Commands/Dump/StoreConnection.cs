using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

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

    /// <summary>How messages name the store: the SQLite file, or the PostgreSQL database and its server.</summary>
    public static string Describe(AttributionDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            return db.Database.GetDbConnection().DataSource;
        }

        var server = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        return $"database {server.Database} on {server.Host}:{server.Port}";
    }

    /// <summary>The engine the configuration and the command's options choose.</summary>
    public static StoreProvider Provider(IConfiguration configuration) =>
        (configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions()).Provider;

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
