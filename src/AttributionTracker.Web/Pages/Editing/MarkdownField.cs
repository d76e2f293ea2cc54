using Microsoft.AspNetCore.Html;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>A Markdown textarea with its preview: the name it posts under, its label and the preview, if asked for.</summary>
public sealed record MarkdownField(string Name, string Label, string? Value, HtmlString? Preview, string? Error);
