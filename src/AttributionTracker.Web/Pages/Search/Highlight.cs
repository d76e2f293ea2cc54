using AttributionTracker.Search;
using Microsoft.AspNetCore.Html;

namespace AttributionTracker.Web.Pages.Search;

/// <summary>Marked text as HTML: every run HTML-encoded, only the index's matches wrapped in <c>&lt;mark&gt;</c>.</summary>
public static class Highlight
{
    public static IHtmlContent Html(HighlightedText text)
    {
        var html = new HtmlContentBuilder(text.Runs.Count * 3);
        foreach (var run in text.Runs)
        {
            if (run.IsMatch)
            {
                html.AppendHtml("<mark>").Append(run.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(run.Text);
            }
        }

        return html;
    }
}
