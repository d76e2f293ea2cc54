using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AttributionTracker.Migrations.Postgres;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model of the store from this project (see <c>tools/add-migration.sh</c>).
/// Adding a migration opens no connection; <c>dotnet ef database update</c> would use this server and database.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AttributionDbContext>
{
    public AttributionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AttributionDbContext>();
        options.UseAttributionPostgres("Host=127.0.0.1;Database=attribution_design;Username=attribution;Password=attribution");
        return new AttributionDbContext(options.Options);
    }
}
