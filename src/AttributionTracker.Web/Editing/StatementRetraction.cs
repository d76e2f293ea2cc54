using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Statements;

namespace AttributionTracker.Web.Editing;

/// <summary>An editor withdraws a statement (the page and the API): it stays, marked, with the reason in its history.</summary>
public static class StatementRetraction
{
    public const string AlreadyRetracted = "This statement is already retracted.";

    /// <summary>Marks the (tracked) statement retracted by <paramref name="by"/> and saves, the reason on every history row.</summary>
    public static async Task RetractAsync(AttributionDbContext db, AttributionStatement statement, string reason, string? by, CancellationToken ct)
    {
        statement.RetractedAt = db.Clock.GetUtcNow().UtcDateTime;
        statement.RetractedBy = by;
        statement.RetractionReason = reason.Trim();
        await ReasonedSave.SaveAsync(db, statement.RetractionReason, ct);
    }
}
