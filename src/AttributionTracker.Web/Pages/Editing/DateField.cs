using AttributionTracker.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>Partial dates as editors type them ("2021", "2021-03", "2021-03-19", "early 2021-03").</summary>
public static class DateField
{
    public const string Hint = "A year (2021), a month (2021-03), a day (2021-03-19) or part of a year or month (early 2021, late 2021-03).";

    /// <summary>The date, or null when blank; a text that is not a real date is reported beside the field.</summary>
    public static PartialDate? Parse(string? text, ModelStateDictionary modelState, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        modelState.AddModelError(key, $"“{text.Trim()}” is not a real date. {Hint}");
        return null;
    }
}
