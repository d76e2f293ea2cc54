using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_model_has_no_change_without_a_migration()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration: run dotnet ef migrations add (see AttributionDbContext).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrations_create_every_table_the_model_uses()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        var tables = await db.Database.SqlQueryRaw<string>(TestDatabase.OnPostgres
                ? "SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'"
                : "SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
            .ToListAsync(TestContext.Current.CancellationToken);

        foreach (var entity in db.Model.GetEntityTypes())
        {
            Assert.Contains(entity.GetTableName(), tables);
        }
    }
}
