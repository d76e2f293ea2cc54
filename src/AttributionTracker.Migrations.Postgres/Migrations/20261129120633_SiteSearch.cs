using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttributionTracker.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The site search on PostgreSQL (docs/decisions/0019-postgresql-migrations-and-search.md), the counterpart of
    /// SQLite's FTS5 tables. The text search configuration <c>attribution_search</c> is <c>simple</c> (no stemming,
    /// no stop words, as FTS5's unicode61) with <c>unaccent</c> in front of it, so "bretana" finds "Bretaña" and
    /// to_tsvector stays immutable and indexable. Quotes and articles carry a generated tsvector column; actors,
    /// incidents and parties share <c>SearchNames</c>, one row per record with its aliases and identifiers, which
    /// triggers keep current. Weights: name A, aliases and identifiers B, an article's title C, summaries, quotes and
    /// article text D. Every vector has a GIN index.
    /// </summary>
    public partial class SiteSearch : Migration
    {
        private const string Config = "'attribution_search'";

        private static string Vector(string column, char weight) =>
            $"setweight(to_tsvector({Config}, coalesce({column}, '')), '{weight}')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // unaccent is a trusted extension: the owner of the database may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION attribution_search (COPY = pg_catalog.simple);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION attribution_search
                    ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart WITH unaccent, simple;
                """);

            migrationBuilder.Sql($"""
                ALTER TABLE "Statements" ADD "SearchDocument" tsvector
                    GENERATED ALWAYS AS ({Vector("\"Quote\"", 'D')}) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Statements_SearchDocument" ON "Statements" USING GIN ("SearchDocument");""");
            migrationBuilder.Sql($"""
                ALTER TABLE "Sources" ADD "SearchDocument" tsvector
                    GENERATED ALWAYS AS ({Vector("\"Title\"", 'C')} || {Vector("\"Text\"", 'D')}) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Sources_SearchDocument" ON "Sources" USING GIN ("SearchDocument");""");

            migrationBuilder.Sql($"""
                CREATE TABLE "SearchNames" (
                    "Kind" integer NOT NULL,
                    "Id" integer NOT NULL,
                    "Name" text,
                    "AlsoKnownAs" text,
                    "Identifiers" text,
                    "Summary" text,
                    "Document" tsvector GENERATED ALWAYS AS (
                        {Vector("\"Name\"", 'A')} || {Vector("\"AlsoKnownAs\"", 'B')} || {Vector("\"Identifiers\"", 'B')} || {Vector("\"Summary\"", 'D')}) STORED,
                    CONSTRAINT "PK_SearchNames" PRIMARY KEY ("Kind", "Id"));
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchNames_Document" ON "SearchNames" USING GIN ("Document");""");

            // What SearchNames holds for each record (kind 1 actor, 2 incident, 3 party), as SQLite's triggers write it.
            // An official is found by the person's name and the office too ("Raab", "Foreign Secretary").
            migrationBuilder.Sql("""
                CREATE VIEW "SearchNameRows" AS
                SELECT 1 AS "Kind", a."Id", a."Name"::text AS "Name",
                       (SELECT string_agg(x."Name", ', ' ORDER BY x."Key") FROM "ActorAliases" AS x WHERE x."ActorId" = a."Id") AS "AlsoKnownAs",
                       (SELECT string_agg(x."Value", ' ' ORDER BY x."System", x."Value") FROM "ActorExternalId" AS x WHERE x."ActorId" = a."Id") AS "Identifiers",
                       NULL::text AS "Summary"
                FROM "Actors" AS a
                UNION ALL
                SELECT 2, i."Id", i."Name",
                       (SELECT string_agg(x."Name", ', ' ORDER BY x."Key") FROM "IncidentAlias" AS x WHERE x."IncidentId" = i."Id"),
                       NULL, i."Summary"
                FROM "Incidents" AS i
                UNION ALL
                SELECT 3, p."Id", p."Name",
                       nullif(concat_ws(', ', p."PersonName", p."Role",
                           (SELECT string_agg(x."Name", ', ' ORDER BY x."Key") FROM "PartyAliases" AS x WHERE x."PartyId" = p."Id")), ''),
                       NULL, NULL
                FROM "Parties" AS p;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION search_names_refresh(record_kind integer, record_id integer) RETURNS void
                LANGUAGE sql AS $$
                    DELETE FROM "SearchNames" WHERE "Kind" = record_kind AND "Id" = record_id;
                    INSERT INTO "SearchNames" ("Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary")
                    SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNameRows"
                    WHERE "Kind" = record_kind AND "Id" = record_id;
                $$;
                """);

            // One trigger function for every table: its arguments are the kind and the column that holds the record's
            // id. A deleted record's row is removed and not rebuilt (the view no longer has it), so a cascade from a
            // deleted owner cannot bring it back.
            migrationBuilder.Sql("""
                CREATE FUNCTION search_names_follow() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        PERFORM search_names_refresh(TG_ARGV[0]::integer, (to_jsonb(OLD) ->> TG_ARGV[1])::integer);
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        PERFORM search_names_refresh(TG_ARGV[0]::integer, (to_jsonb(NEW) ->> TG_ARGV[1])::integer);
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            Follow(migrationBuilder, "Actors", "UPDATE OF \"Name\"", 1, "Id");
            Follow(migrationBuilder, "ActorAliases", "UPDATE", 1, "ActorId");
            Follow(migrationBuilder, "ActorExternalId", "UPDATE", 1, "ActorId");
            Follow(migrationBuilder, "Incidents", "UPDATE OF \"Name\", \"Summary\"", 2, "Id");
            Follow(migrationBuilder, "IncidentAlias", "UPDATE", 2, "IncidentId");
            Follow(migrationBuilder, "Parties", "UPDATE OF \"Name\", \"Role\", \"PersonName\"", 3, "Id");
            Follow(migrationBuilder, "PartyAliases", "UPDATE", 3, "PartyId");

            // Index what is already stored (the generated columns fill themselves).
            migrationBuilder.Sql("""
                INSERT INTO "SearchNames" ("Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary")
                SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNameRows";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "Actors", "ActorAliases", "ActorExternalId", "Incidents", "IncidentAlias", "Parties", "PartyAliases" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"Search_{table}\" ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS search_names_follow();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS search_names_refresh(integer, integer);");
            migrationBuilder.Sql("DROP VIEW IF EXISTS \"SearchNameRows\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchNames\";");
            migrationBuilder.Sql("ALTER TABLE \"Sources\" DROP COLUMN IF EXISTS \"SearchDocument\";");
            migrationBuilder.Sql("ALTER TABLE \"Statements\" DROP COLUMN IF EXISTS \"SearchDocument\";");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS attribution_search;");
        }

        private static void Follow(MigrationBuilder migrationBuilder, string table, string update, int kind, string idColumn) =>
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}" AFTER INSERT OR DELETE OR {update} ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION search_names_follow('{kind}', '{idColumn}');
                """);
    }
}
