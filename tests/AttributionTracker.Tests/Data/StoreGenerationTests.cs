using Npgsql;

namespace AttributionTracker.Tests.Data;

/// <summary>
/// The web app's output cache is keyed by the store's generation, so it must move on with every committed write to
/// this store and only then. SQLite's is built in (PRAGMA data_version, see the web's OutputCacheTests); PostgreSQL's is
/// the "StoreGeneration" row that a trigger on every table moves on (migration StoreGeneration).
/// </summary>
public sealed class StoreGenerationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string PostgresOnly = "PostgreSQL only: SQLite's generation is PRAGMA data_version, built into the engine";

    [Fact]
    public async Task Every_table_of_a_PostgreSQL_store_moves_the_generation_on()
    {
        Assert.SkipUnless(TestDatabase.OnPostgres, PostgresOnly);
        await using var store = await TestStore.CreateAsync();
        await using var connection = await OpenAsync(store);

        var unwatched = await ListAsync(connection, """
            SELECT c.relname FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND c.relname NOT IN ('StoreGeneration', '__EFMigrationsHistory')
              AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'StoreGeneration')
            ORDER BY 1
            """);

        // A migration that adds a table must end with SELECT attribution_watch_tables();
        Assert.Empty(unwatched);
        Assert.Contains("Statements", await ListAsync(connection, """SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'StoreGeneration'"""));
    }

    [Fact]
    public async Task A_commit_moves_the_generation_on_and_a_rollback_or_another_database_does_not()
    {
        Assert.SkipUnless(TestDatabase.OnPostgres, PostgresOnly);
        await using var store = await TestStore.CreateAsync();
        await using var other = await TestStore.CreateAsync();
        await using var connection = await OpenAsync(store);
        await using var elsewhere = await OpenAsync(other);
        var before = await GenerationAsync(connection);

        await using (var rolledBack = await connection.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(connection, """UPDATE "Actors" SET "Name" = "Name" || ' (draft)'""");
            await rolledBack.RollbackAsync(Ct);
        }

        await ExecuteAsync(elsewhere, """UPDATE "Actors" SET "Name" = "Name" || ' (other store)'""");
        Assert.Equal(before, await GenerationAsync(connection));

        await using var writer = await OpenAsync(store);
        await using (var committed = await writer.BeginTransactionAsync(Ct))
        {
            await ExecuteAsync(writer, """UPDATE "Actors" SET "Name" = "Name" || ' (edited)'""");
            // Not yet committed: a reader still sees the old generation, as it still sees the old rows.
            Assert.Equal(before, await GenerationAsync(connection));
            await committed.CommitAsync(Ct);
        }

        Assert.True(await GenerationAsync(connection) > before);
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestStore store)
    {
        var connection = new NpgsqlConnection(store.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<long> GenerationAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""SELECT "Value" FROM "StoreGeneration" """, connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var names = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
