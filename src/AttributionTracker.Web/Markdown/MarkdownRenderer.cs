using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace AttributionTracker.Web.Markdown;

/// <summary>
/// The one way Markdown written by editors (summaries, descriptions, notes) becomes HTML. Markdig renders it with raw
/// HTML disabled, then an allow-list sanitizer has the last word, so a link to <c>javascript:</c> or <c>data:</c>, an
/// event attribute or a tag Markdown never makes cannot reach a reader even if a Markdig extension lets one through.
/// A singleton: the pipeline and the sanitizer are built once and are safe to share.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Links leave the site without vouching for the target or giving it a handle on this page.</summary>
    public const string LinkRel = "nofollow noopener";

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
    ];

    private static readonly string[] Attributes = ["href", "src", "alt", "title", "start", "rel", "style"];

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer;

    public MarkdownRenderer()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(Tags);
        options.AllowedAttributes.UnionWith(Attributes);
        options.UriAttributes.UnionWith(["href", "src"]);
        options.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        // Pipe tables align their columns with an inline style; nothing else may style the page.
        options.AllowedCssProperties.Add("text-align");
        sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) => FinishLink(e);
    }

    /// <summary>
    /// The Markdown as safe HTML; empty for null or blank text. <paramref name="topHeadingLevel"/> is the level a
    /// <c>#</c> heading gets, so a field's headings sit under the page's own (a summary under an h2 starts at h3).
    /// </summary>
    public HtmlString Render(string? markdown, int topHeadingLevel = 3)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(topHeadingLevel, 1);
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + topHeadingLevel - 1);
        }

        return new HtmlString(sanitizer.Sanitize(document.ToHtml(pipeline)));
    }

    private static void FinishLink(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement { LocalName: "a" } link)
        {
            return;
        }

        if (link.HasAttribute("href"))
        {
            link.SetAttribute("rel", LinkRel);
        }
        else
        {
            // The sanitizer dropped a hostile address: keep the words, not a link to nowhere.
            foreach (var child in link.ChildNodes.ToList())
            {
                e.ReplacementNodes.Add(child);
            }
        }
    }
}
