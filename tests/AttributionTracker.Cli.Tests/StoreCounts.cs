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
            await db.Sources.CountAsync(TestContext.Current.CancellationToken),
            await db.Statements.CountAsync(TestContext.Current.CancellationToken),
            await db.Actors.CountAsync(TestContext.Current.CancellationToken),
            await db.ActorAliases.CountAsync(TestContext.Current.CancellationToken),
            await db.Parties.CountAsync(TestContext.Current.CancellationToken),
            await db.Incidents.CountAsync(TestContext.Current.CancellationToken),
            await db.ReferenceLoads.CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The store the CLI uses for <c>--data-folder <paramref name="dataFolder"/></c> (on PostgreSQL, the database that stands for it).</summary>
    public static AttributionDbContext Open(string dataFolder) => FolderStores.Open(dataFolder);
}
