using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttributionTracker.Migrations.Postgres.Migrations
{
    /// <summary>Indexes for the heaviest page reads of a large store: see <see cref="global::AttributionTracker.Data.Migrations.Shared.PageIndexes"/>.</summary>
    public partial class PageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            global::AttributionTracker.Data.Migrations.Shared.PageIndexes.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            global::AttributionTracker.Data.Migrations.Shared.PageIndexes.Down(migrationBuilder);
        }
    }
}
