using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Editing;

/// <summary>A state typed as its two-letter code, checked against the stored states.</summary>
public static class StateCodes
{
    /// <summary>The code, or null when blank; one that names no stored state is reported under <paramref name="field"/>.</summary>
    public static async Task<CountryCode?> CheckAsync(AttributionDbContext db, string? text, ModelStateDictionary errors, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (CountryCode.TryParse(text.Trim(), out var code) && await db.States.AnyAsync(s => s.Code == code, ct))
        {
            return code;
        }

        errors.AddModelError(field, "Choose a state from the list.");
        return null;
    }
}
