using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Statements;

/// <summary>Reads the app's store directly, to check what a form did (and did not) write.</summary>
internal static class StatementStore
{
    public static async Task<T> QueryAsync<T>(this AttributionWebFactory app, Func<AttributionDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        return await query(db);
    }

    /// <summary>The seed's Exchange compromise incident (the Spanish article names it).</summary>
    public static Task<(int Id, string Name, string Slug)> ExchangeIncidentAsync(this AttributionWebFactory app) =>
        app.QueryAsync(async db =>
        {
            var i = await db.Incidents.AsNoTracking().Where(i => i.Name.Contains("Exchange")).OrderBy(i => i.Id).Select(i => new { i.Id, i.Name, i.Slug }).FirstAsync(TestContext.Current.CancellationToken);
            return (i.Id, i.Name, i.Slug.Value);
        });

    public static Task<AttributionStatement> StatementAsync(this AttributionWebFactory app, int id) =>
        app.QueryAsync(db => db.Statements.AsNoTracking().Include(s => s.Parties).ThenInclude(p => p.Party).Include(s => s.Answers)
            .SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken));

    public static int IdFromLocation(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var path = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/statements/", path, StringComparison.Ordinal);
        return int.Parse(path["/statements/".Length..].Split('?', '/')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
