using AttributionTracker.Web.Tests.Statements;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Tests.Api.Write;

/// <summary>Addresses of seeded records, read from the store rather than guessed.</summary>
internal static class SeedSlugs
{
    public static Task<string> PartySlugAsync(this AttributionWebFactory app, string name) =>
        app.QueryAsync(db => db.Parties.Where(p => p.Name == name).Select(p => p.Slug).SingleAsync(TestContext.Current.CancellationToken))
            .ContinueWith(t => t.Result.Value, TaskScheduler.Default);

    public static Task<string> ActorSlugAsync(this AttributionWebFactory app, string name) =>
        app.QueryAsync(db => db.Actors.Where(a => a.Name == name).Select(a => a.Slug).SingleAsync(TestContext.Current.CancellationToken))
            .ContinueWith(t => t.Result.Value, TaskScheduler.Default);

    /// <summary>How many statements, actors, incidents and parties (and history rows) the store holds.</summary>
    public static Task<(int Statements, int Actors, int Incidents, int Parties, int Changes)> CountsAsync(this AttributionWebFactory app) =>
        app.QueryAsync(async db => (
            await db.Statements.CountAsync(TestContext.Current.CancellationToken),
            await db.Actors.CountAsync(TestContext.Current.CancellationToken),
            await db.Incidents.CountAsync(TestContext.Current.CancellationToken),
            await db.Parties.CountAsync(TestContext.Current.CancellationToken),
            await db.RecordChanges.CountAsync(TestContext.Current.CancellationToken)));
}
