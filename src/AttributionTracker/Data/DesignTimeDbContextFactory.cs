using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AttributionTracker.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AttributionDbContext>
{
    public AttributionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AttributionDbContext>()
            .UseSqlite("Data Source=" + Path.Combine(Path.GetTempPath(), "attribution-design.db"))
            .Options);
}
