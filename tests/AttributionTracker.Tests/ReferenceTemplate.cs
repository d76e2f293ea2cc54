using Microsoft.Data.Sqlite;

namespace AttributionTracker.Tests;

/// <summary>
/// A <see cref="TestStore"/> with the shipped reference files loaded (<see cref="TestStore.LoadReferenceDataAsync"/>),
/// made once per test process and copied into each <see cref="TestStore.CreateWithReferenceDataAsync"/>: on SQLite its
/// in-memory database is backed up into the new one, on PostgreSQL its database becomes a template
/// (<see cref="TemplateCopies"/>).
/// </summary>
internal static class ReferenceTemplate
{
    private static readonly Lazy<Task<TestStore>> Loaded = new(async () =>
    {
        var store = await TestStore.CreateAsync();
        await store.LoadReferenceDataAsync();
        return store;
    });

    private static readonly Lazy<Task<TemplateCopies>> PostgresCopies = new(async () => new TemplateCopies((await Loaded.Value).PostgresDatabase!));

    // The SQLite template is read through its one connection, so one backup at a time.
    private static readonly SemaphoreSlim SqliteGate = new(1, 1);

    public static async Task CopySqliteIntoAsync(SqliteConnection store)
    {
        var template = await Loaded.Value;
        await SqliteGate.WaitAsync();
        try
        {
            template.BackupSqliteTo(store);
        }
        finally
        {
            SqliteGate.Release();
        }
    }

    public static async Task<string> CopyPostgresAsync()
    {
        var name = TestDatabase.NewPostgresName();
        await (await PostgresCopies.Value).CopyToAsync(name);
        return name;
    }
}
