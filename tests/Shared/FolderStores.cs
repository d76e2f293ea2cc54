using System.Collections.Concurrent;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests;

/// <summary>
/// The store a command-line test means by a data folder, on the engine under test: on SQLite the file
/// <c>attribution.db</c> in it, as for a user; on PostgreSQL a database of its own that stands for the folder, made by the
/// first command that opens it (as the SQLite file is) and dropped with the test's temporary folder.
/// </summary>
public static class FolderStores
{
    private static readonly ConcurrentDictionary<string, PostgresName> Databases = new(StringComparer.Ordinal);

    /// <summary>On PostgreSQL, the connection string of the database that stands for <paramref name="dataFolder"/>; null on SQLite.</summary>
    public static string? PostgresConnectionString(string dataFolder) =>
        TestDatabase.OnPostgres ? TestDatabase.ConnectionString(DatabaseOf(dataFolder).Value) : null;

    /// <summary>Gives the store of <paramref name="dataFolder"/> the content of the seeded template (<see cref="StoreTemplate"/>).</summary>
    public static void Seed(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        if (TestDatabase.OnPostgres)
        {
            StoreTemplate.CopyInto(DatabaseOf(dataFolder));
        }
        else
        {
            StoreTemplate.CopyInto(dataFolder);
        }
    }

    /// <summary>The store the command line uses for <c>--data-folder <paramref name="dataFolder"/></c>.</summary>
    public static AttributionDbContext Open(string dataFolder)
    {
        var options = new StoreOptions { DataFolder = dataFolder, Provider = TestDatabase.Provider, ConnectionString = PostgresConnectionString(dataFolder) };
        var builder = new DbContextOptionsBuilder<AttributionDbContext>();
        builder.UseAttributionStore(options);
        return new AttributionDbContext(builder.Options);
    }

    /// <summary>Drops the databases that stood for data folders inside <paramref name="folder"/>.</summary>
    public static void DropUnder(string folder)
    {
        var prefix = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        foreach (var key in Databases.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (Databases.TryRemove(key, out var database))
            {
                Task.Run(() => TestDatabase.DropPostgresAsync(database.Value)).GetAwaiter().GetResult();
            }
        }
    }

    private static PostgresName DatabaseOf(string dataFolder) =>
        Databases.GetOrAdd(Path.GetFullPath(dataFolder), _ => PostgresName.New("cli"));
}
