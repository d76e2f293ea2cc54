using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Cli.Tests;

/// <summary>How many of each record the store in a data folder holds: two equal counts mean a command changed nothing.</summary>
public sealed record StoreCounts(int Sources, int Statements, int Actors, int ActorAliases, int Parties, int Incidents, int ReferenceLoads)
{
    public static async Task<StoreCounts> OfAsync(string dataFolder)
    {
        await using var db = Open(dataFolder);
        return new StoreCounts(
            await db.Sources.CountAsync(),
            await db.Statements.CountAsync(),
            await db.Actors.CountAsync(),
            await db.ActorAliases.CountAsync(),
            await db.Parties.CountAsync(),
            await db.Incidents.CountAsync(),
            await db.ReferenceLoads.CountAsync());
    }

    /// <summary>The store the CLI uses for <c>--data-folder <paramref name="dataFolder"/></c>.</summary>
    public static AttributionDbContext Open(string dataFolder)
    {
        var connectionString = new StoreOptions { DataFolder = dataFolder }.ResolveConnectionString();
        return new AttributionDbContext(new DbContextOptionsBuilder<AttributionDbContext>().UseAttributionSqlite(connectionString).Options);
    }
}
