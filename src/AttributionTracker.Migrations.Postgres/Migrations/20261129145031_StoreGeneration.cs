using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttributionTracker.Migrations.Postgres.Migrations
{
    /// <summary>
    /// A number that every committed write to this database moves on, for the web app's output cache (Web
    /// Caching/StoreGeneration.cs). SQLite has one built in (PRAGMA data_version); PostgreSQL's nearest,
    /// pg_current_snapshot(), is cluster-wide, so writes to any other database on the server emptied the cache.
    /// <para>
    /// A BEFORE statement trigger on every table adds one to a single row. The row's new value is seen by others
    /// only when the writing transaction commits, like data_version, so a page cached under the old value never
    /// shows a half-made write. Taking the row lock before any row of the statement is touched puts every writer
    /// in the same order (this row first), so writers wait for each other instead of deadlocking; they are already
    /// serialised by WriteTransactions' advisory lock for check-then-insert writes.
    /// </para>
    /// <para>
    /// A migration that adds a table must end with <c>SELECT attribution_watch_tables();</c> to give it the trigger;
    /// ProviderTests checks that every table has it.
    /// </para>
    /// </summary>
    public partial class StoreGeneration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "StoreGeneration" ("Value" bigint NOT NULL);
                INSERT INTO "StoreGeneration" ("Value") VALUES (0);

                CREATE FUNCTION attribution_next_generation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "StoreGeneration" SET "Value" = "Value" + 1;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION attribution_watch_tables() RETURNS void LANGUAGE plpgsql AS $$
                DECLARE watched record;
                BEGIN
                    FOR watched IN
                        SELECT c.relname FROM pg_class c
                        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                          AND c.relname NOT IN ('StoreGeneration', '__EFMigrationsHistory')
                          AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'StoreGeneration')
                    LOOP
                        EXECUTE format('CREATE TRIGGER "StoreGeneration" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                            'FOR EACH STATEMENT EXECUTE FUNCTION attribution_next_generation()', watched.relname);
                    END LOOP;
                END $$;

                SELECT attribution_watch_tables();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION attribution_watch_tables();
                DROP FUNCTION attribution_next_generation() CASCADE;
                DROP TABLE "StoreGeneration";
                """);
        }
    }
}
