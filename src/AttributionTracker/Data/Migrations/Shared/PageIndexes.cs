using Microsoft.EntityFrameworkCore.Migrations;

namespace AttributionTracker.Data.Migrations.Shared;

/// <summary>
/// Indexes for the pages' heaviest reads of a large store, the same on both engines (each engine's migration
/// PageIndexes calls this). They are not in the EF model: their columns include a partial date, which is a complex
/// property, and EF Core cannot index those; so the model differ never sees them and never drops them.
/// </summary>
public static class PageIndexes
{
    private static readonly (string Name, string[] Columns)[] Indexes =
    [
        // The actor page: its counts, date range, incident groups and denials all filter on the accused actor and
        // the kind, and read only these columns, so one index range serves each without touching the table.
        ("IX_Statements_AccusedActorId_Kind_Date", ["AccusedActorId", "Kind", "Date", "IncidentId", "Confidence"]),
        // The incident list filtered by accused state and a minimum confidence: the incidents it matches, and per
        // incident its matching statements (the incident before the confidence, or that lookup reads every matching
        // statement of the state for each incident).
        ("IX_Statements_AccusedStateCode_IncidentId", ["AccusedStateCode", "IncidentId", "Confidence"]),
        // The home page's latest statements and every feed: newest first.
        ("IX_Statements_Date", ["Date", "Id"]),
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, columns) in Indexes)
        {
            migrationBuilder.CreateIndex(name, "Statements", columns);
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, _) in Indexes)
        {
            migrationBuilder.DropIndex(name, "Statements");
        }
    }
}
