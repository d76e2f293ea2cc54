using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>One field that another editor changed while this one was editing: what is stored and what was sent.</summary>
public sealed record ConflictField(string Label, string Theirs, string Mine);

/// <summary>
/// What the conflict partial shows when a save meets a newer version: the fields that differ, who saved last and
/// when, and where "keep theirs" leads. "Save mine" resubmits the form, which now carries the stored version.
/// </summary>
public sealed record ConflictView(IReadOnlyList<ConflictField> Fields, string? SavedBy, DateTime SavedAt, string KeepTheirsUrl)
{
    /// <summary>The fields whose values differ; blank and missing count as the same.</summary>
    public static IReadOnlyList<ConflictField> Differences(params (string Label, string? Theirs, string? Mine)[] fields) =>
        fields.Select(f => new ConflictField(f.Label, Normal(f.Theirs), Normal(f.Mine)))
            .Where(f => !string.Equals(f.Theirs, f.Mine, StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// What an edit page shows when its save met <paramref name="stored"/>, a newer version: the fields that differ,
    /// who saved it and when. The form is set to the stored version, so "save mine" resubmits it over that one.
    /// </summary>
    public static ConflictView Against(Entity stored, IReadOnlyList<ConflictField> fields, IEditInput input, ModelStateDictionary modelState, string keepTheirsUrl)
    {
        modelState.Remove("Input.Version");
        input.Version = stored.Version;
        return new ConflictView(fields, stored.UpdatedBy, stored.UpdatedAt, keepTheirsUrl);
    }

    private static string Normal(string? value) => value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
}
