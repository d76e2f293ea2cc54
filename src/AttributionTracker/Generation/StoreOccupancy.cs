using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Generation;

/// <summary>
/// What a store holds beyond its first-start seed (reference data and the seed articles in <c>seeds/</c>): generated
/// or user sources, statements and incidents. The generator writes only into a store that holds none.
/// </summary>
public static class StoreOccupancy
{
    private const string SeedPrefix = "seeds/";

    /// <summary>"12,000 statements, 500 sources" — or null when the store holds nothing beyond its seed.</summary>
    public static async Task<string?> BeyondSeedAsync(AttributionDbContext db, CancellationToken ct)
    {
        var sources = await db.Sources.CountAsync(s => s.ImportedFrom == null || !s.ImportedFrom.StartsWith(SeedPrefix), ct);
        var statements = await db.Statements.CountAsync(s => s.Source == null || s.Source.ImportedFrom == null || !s.Source.ImportedFrom.StartsWith(SeedPrefix), ct);
        var incidents = await db.Incidents.CountAsync(i => !db.Statements.Any(s => s.IncidentId == i.Id && s.Source != null && s.Source.ImportedFrom != null && s.Source.ImportedFrom.StartsWith(SeedPrefix)), ct);
        var parts = new List<string>();
        if (statements > 0)
        {
            parts.Add($"{statements:N0} statements");
        }

        if (sources > 0)
        {
            parts.Add($"{sources:N0} sources");
        }

        if (incidents > 0)
        {
            parts.Add($"{incidents:N0} incidents");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
