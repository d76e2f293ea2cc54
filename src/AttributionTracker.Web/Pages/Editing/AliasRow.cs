using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>One alias line of a form; a blank name is an empty slot (or an alias the editor cleared to remove it).</summary>
public sealed class AliasRow
{
    [StringLength(200, ErrorMessage = "An alias is at most {1} characters.")]
    public string? Name { get; set; }

    [RegularExpression("^[a-zA-Z]{2}$", ErrorMessage = "A language is a two-letter code such as es or en.")]
    public string? Language { get; set; }

    /// <summary>Blank slots the form offers for new aliases, so adding works without JavaScript.</summary>
    public const int BlankSlots = 3;

    public static List<AliasRow> WithBlankSlots(IEnumerable<AliasRow> rows) =>
        [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.Name)), .. Enumerable.Range(0, BlankSlots).Select(_ => new AliasRow())];

    /// <summary>
    /// The filled rows; a second row with the same folded key as an earlier one (or as the record's own name) is
    /// reported beside it, since two aliases that match the same text are one alias.
    /// </summary>
    public static List<(string Name, string Key, string? Language)> Validate(IReadOnlyList<AliasRow> rows, string? ownName, ModelStateDictionary modelState, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, string, string?)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var name = rows[i].Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var key = TextFolding.Key(name);
            if (key.Length == 0)
            {
                modelState.AddModelError($"{prefix}[{i}].Name", "An alias needs at least one letter or digit.");
            }
            else if (!seen.Add(key))
            {
                modelState.AddModelError($"{prefix}[{i}].Name", $"“{name}” is already an alias.");
            }
            else
            {
                result.Add((name, key, rows[i].Language?.Trim().ToLowerInvariant() is { Length: > 0 } language ? language : null));
            }
        }

        return result;
    }
}
