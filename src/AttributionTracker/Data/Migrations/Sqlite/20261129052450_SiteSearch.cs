using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttributionTracker.Data.Migrations.Sqlite
{
    /// <summary>
    /// The site search index (see docs/decisions/0008-search-with-fts5.md): three FTS5 tables kept current by triggers.
    /// Actors, incidents and parties share <c>SearchNames</c>, keyed by <c>Id * 4 + kind</c> (1 actor, 2 incident,
    /// 3 party) so every trigger finds its row by rowid; statements and sources are indexed in place (external content,
    /// rowid = their Id) so a million quotes and fifty thousand articles are not stored twice.
    /// An EF Core table rebuild of any table named here drops its triggers: a later migration that rebuilds one must
    /// recreate them.
    /// </summary>
    public partial class SiteSearch : Migration
    {
        private const string Tokenizer = "tokenize = 'unicode61 remove_diacritics 2'";

        private const string NameColumns = "(rowid, \"Name\", \"AlsoKnownAs\", \"Identifiers\", \"Summary\")";

        private static readonly string[] Triggers =
        [
            "Search_Actors_Insert", "Search_Actors_Update", "Search_Actors_Delete",
            "Search_ActorAliases_Insert", "Search_ActorAliases_Update", "Search_ActorAliases_Delete",
            "Search_ActorExternalId_Insert", "Search_ActorExternalId_Update", "Search_ActorExternalId_Delete",
            "Search_Incidents_Insert", "Search_Incidents_Update", "Search_Incidents_Delete",
            "Search_IncidentAlias_Insert", "Search_IncidentAlias_Update", "Search_IncidentAlias_Delete",
            "Search_Parties_Insert", "Search_Parties_Update", "Search_Parties_Delete",
            "Search_PartyAliases_Insert", "Search_PartyAliases_Update", "Search_PartyAliases_Delete",
            "Search_Statements_Insert", "Search_Statements_Update", "Search_Statements_Delete",
            "Search_Sources_Insert", "Search_Sources_Update", "Search_Sources_Delete",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"SearchNames\" USING fts5(\"Name\", \"AlsoKnownAs\", \"Identifiers\", \"Summary\", {Tokenizer});");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"SearchStatements\" USING fts5(\"Quote\", content = 'Statements', content_rowid = 'Id', {Tokenizer});");
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE \"SearchSources\" USING fts5(\"Title\", \"Text\", content = 'Sources', content_rowid = 'Id', {Tokenizer});");

            NamesTriggers(migrationBuilder, "Actors", kind: 1, watched: "\"Name\"", aliasTable: "ActorAliases", aliasOwner: "ActorId",
                row: id => $"{id} * 4 + 1, (SELECT \"Name\" FROM \"Actors\" WHERE \"Id\" = {id}), {ActorAliases(id)}, {ActorIdentifiers(id)}, NULL",
                aliases: ActorAliases);
            ChildTriggers(migrationBuilder, "ActorExternalId", "ActorId", kind: 1, column: "Identifiers", ActorIdentifiers);

            NamesTriggers(migrationBuilder, "Incidents", kind: 2, watched: "\"Name\", \"Summary\"", aliasTable: "IncidentAlias", aliasOwner: "IncidentId",
                row: id => $"{id} * 4 + 2, (SELECT \"Name\" FROM \"Incidents\" WHERE \"Id\" = {id}), {IncidentAliases(id)}, NULL, (SELECT \"Summary\" FROM \"Incidents\" WHERE \"Id\" = {id})",
                aliases: IncidentAliases);

            NamesTriggers(migrationBuilder, "Parties", kind: 3, watched: "\"Name\", \"Role\", \"PersonName\"", aliasTable: "PartyAliases", aliasOwner: "PartyId",
                row: id => $"{id} * 4 + 3, (SELECT \"Name\" FROM \"Parties\" WHERE \"Id\" = {id}), {PartyAliases(id)}, NULL, NULL",
                aliases: PartyAliases);

            ContentTriggers(migrationBuilder, "Statements", "SearchStatements", "\"Quote\"");
            ContentTriggers(migrationBuilder, "Sources", "SearchSources", "\"Title\", \"Text\"");

            // Index what is already stored ("o" names the outer row: inside the subqueries a bare "Id" is the alias's own).
            migrationBuilder.Sql($"INSERT INTO \"SearchNames\" {NameColumns} SELECT o.\"Id\" * 4 + 1, o.\"Name\", {ActorAliases("o.\"Id\"")}, {ActorIdentifiers("o.\"Id\"")}, NULL FROM \"Actors\" AS o;");
            migrationBuilder.Sql($"INSERT INTO \"SearchNames\" {NameColumns} SELECT o.\"Id\" * 4 + 2, o.\"Name\", {IncidentAliases("o.\"Id\"")}, NULL, o.\"Summary\" FROM \"Incidents\" AS o;");
            migrationBuilder.Sql($"INSERT INTO \"SearchNames\" {NameColumns} SELECT o.\"Id\" * 4 + 3, o.\"Name\", {PartyAliases("o.\"Id\"")}, NULL, NULL FROM \"Parties\" AS o;");
            migrationBuilder.Sql("INSERT INTO \"SearchStatements\" (\"SearchStatements\") VALUES ('rebuild');");
            migrationBuilder.Sql("INSERT INTO \"SearchSources\" (\"SearchSources\") VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchNames\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchStatements\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"SearchSources\";");
        }

        private static string ActorAliases(string id) =>
            $"(SELECT group_concat(\"Name\", ', ') FROM (SELECT \"Name\" FROM \"ActorAliases\" WHERE \"ActorId\" = {id} ORDER BY \"Key\"))";

        private static string ActorIdentifiers(string id) =>
            $"(SELECT group_concat(\"Value\", ' ') FROM (SELECT \"Value\" FROM \"ActorExternalId\" WHERE \"ActorId\" = {id} ORDER BY \"System\", \"Value\"))";

        private static string IncidentAliases(string id) =>
            $"(SELECT group_concat(\"Name\", ', ') FROM (SELECT \"Name\" FROM \"IncidentAlias\" WHERE \"IncidentId\" = {id} ORDER BY \"Key\"))";

        // An official is found by the person's name and the office too ("Raab", "Foreign Secretary").
        private static string PartyAliases(string id) =>
            $"(SELECT nullif(trim(ifnull(p.\"PersonName\" || ', ', '') || ifnull(p.\"Role\" || ', ', '') || ifnull((SELECT group_concat(\"Name\", ', ') FROM (SELECT \"Name\" FROM \"PartyAliases\" WHERE \"PartyId\" = p.\"Id\" ORDER BY \"Key\")), ''), ', '), '') FROM \"Parties\" AS p WHERE p.\"Id\" = {id})";

        /// <summary>The row of a named record follows its table; its aliases follow the alias table.</summary>
        private static void NamesTriggers(
            MigrationBuilder migrationBuilder, string table, int kind, string watched, string aliasTable, string aliasOwner,
            Func<string, string> row, Func<string, string> aliases)
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "SearchNames" {NameColumns} VALUES ({row("new.\"Id\"")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Update" AFTER UPDATE OF {watched} ON "{table}" BEGIN
                    DELETE FROM "SearchNames" WHERE rowid = new."Id" * 4 + {kind};
                    INSERT INTO "SearchNames" {NameColumns} VALUES ({row("new.\"Id\"")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Delete" AFTER DELETE ON "{table}" BEGIN
                    DELETE FROM "SearchNames" WHERE rowid = old."Id" * 4 + {kind};
                END;
                """);
            ChildTriggers(migrationBuilder, aliasTable, aliasOwner, kind, "AlsoKnownAs", aliases);
        }

        /// <summary>
        /// A change to an alias or identifier rewrites one column of its owner's row. UPDATE on a missing rowid does
        /// nothing, so a cascade from a deleted owner cannot bring its row back.
        /// </summary>
        private static void ChildTriggers(MigrationBuilder migrationBuilder, string table, string owner, int kind, string column, Func<string, string> value)
        {
            string Refresh(string id) => $"UPDATE \"SearchNames\" SET \"{column}\" = {value(id)} WHERE rowid = {id} * 4 + {kind};";
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Insert" AFTER INSERT ON "{table}" BEGIN
                    {Refresh($"new.\"{owner}\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Update" AFTER UPDATE ON "{table}" BEGIN
                    {Refresh($"old.\"{owner}\"")}
                    {Refresh($"new.\"{owner}\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Delete" AFTER DELETE ON "{table}" BEGIN
                    {Refresh($"old.\"{owner}\"")}
                END;
                """);
        }

        /// <summary>The documented external-content pattern: remove the old values by rowid, add the new.</summary>
        private static void ContentTriggers(MigrationBuilder migrationBuilder, string table, string index, string columns)
        {
            var news = string.Join(", ", columns.Split(", ").Select(c => "new." + c));
            var olds = string.Join(", ", columns.Split(", ").Select(c => "old." + c));
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Insert" AFTER INSERT ON "{table}" BEGIN
                    INSERT INTO "{index}" (rowid, {columns}) VALUES (new."Id", {news});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Update" AFTER UPDATE OF {columns} ON "{table}" BEGIN
                    INSERT INTO "{index}" ("{index}", rowid, {columns}) VALUES ('delete', old."Id", {olds});
                    INSERT INTO "{index}" (rowid, {columns}) VALUES (new."Id", {news});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Search_{table}_Delete" AFTER DELETE ON "{table}" BEGIN
                    INSERT INTO "{index}" ("{index}", rowid, {columns}) VALUES ('delete', old."Id", {olds});
                END;
                """);
        }
    }
}
