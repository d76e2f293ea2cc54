using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttributionTracker.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The statement filter's "text" looks for words anywhere in a quote or an incident's name, ignoring case
    /// (<c>lower(x) LIKE lower('%words%')</c>, see StoreFunctions.LikeIgnoringCase). A B-tree cannot serve a pattern
    /// that starts with %, a trigram GIN index on the lower-cased text can, so the filter does not read every quote
    /// of a large store. pg_trgm is a trusted extension: the owner of the database may create it.
    /// </summary>
    public partial class TextFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Statements_Quote_Trigrams" ON "Statements" USING GIN (lower("Quote") gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Incidents_Name_Trigrams" ON "Incidents" USING GIN (lower("Name") gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Incidents_Name_Trigrams";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Statements_Quote_Trigrams";""");
        }
    }
}
