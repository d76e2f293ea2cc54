using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AttributionTracker.Domain;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// The article inside a saved web page: the <c>&lt;article&gt;</c> (or, failing that, the element holding the most
/// paragraph text) without navigation, scripts, asides, forms, captions and ad slots, as paragraphs separated by a
/// blank line; plus the title, publication date and canonical address the page states about itself.
/// </summary>
internal static class HtmlArticle
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal) { "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre" };

    // Never article text, wherever they sit. Header is handled apart: an article's own header holds its headline.
    private const string Noise =
        "script, style, noscript, template, iframe, object, embed, svg, canvas, nav, aside, footer, form, button, select, "
        + "figure, figcaption, dialog, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=banner]";

    // Class or id words that mark page furniture rather than the story: ads, share bars, newsletter boxes, link lists.
    private static readonly string[] FurnitureWords =
        ["advert", "sponsor", "promo", "newsletter", "share", "social", "cookie", "related", "recommend", "comments", "outbrain", "taboola"];

    private static readonly string[] AdTokens = ["ad", "ads", "adslot", "ad-slot", "ad-container", "ad-wrapper", "advertisement", "banner-ad", "dfp"];

    // An <article> holding less than this share of the page's paragraph text is a teaser card, not the story.
    private const double ArticleShare = 0.25;

    // A box whose class says "share" or "promo" but holds this share of the paragraph text is the story after all.
    private const double FurnitureShare = 0.5;

    // "<meta>" names and properties that carry the publication date, most specific first.
    private static readonly string[] DateMetas = ["article:published_time", "datePublished", "date", "pubdate", "publishdate", "DC.date.issued", "dcterms.date"];

    // A parser costs about as much to build as a short page does to parse; AngleSharp's author advises one per
    // thread, as a parser is not safe to share (AngleSharp issues 880 and 1151).
    [ThreadStatic]
    private static HtmlParser? parser;

    public static ExtractedArticle Extract(string html, string name)
    {
        if (HostileInput.HtmlNestsTooDeep(html))
        {
            throw new ArticleReadException(name, $"HTML nested more than {HostileInput.MaxHtmlDepth} elements deep; not an article page");
        }

        using var document = (parser ??= new HtmlParser()).ParseDocument(html);
        var metas = Metas(document);

        foreach (var element in document.QuerySelectorAll(Noise).ToList())
        {
            element.Remove();
        }

        var pageText = document.Body is { } body ? ParagraphText(body) : 0;
        var furniture = document.All
            .Where(e => e.LocalName == "header" ? e.QuerySelector("h1") is null
                : IsFurniture(e) && e.QuerySelector("h1") is null && ParagraphText(e) <= pageText * FurnitureShare)
            .ToList();
        foreach (var element in furniture)
        {
            element.Remove();
        }

        var root = MainElement(document);
        var text = root is null ? "" : BodyText(root);
        var title = Clean(root?.QuerySelector("h1")?.TextContent) ?? Clean(metas.GetValueOrDefault("og:title")) ?? Clean(document.Title);
        var published = DateMetas.Select(key => IsoDate(metas.GetValueOrDefault(key))).FirstOrDefault(d => d is not null)
            ?? IsoDate(root?.QuerySelector("time[datetime]")?.GetAttribute("datetime"))
            ?? IsoDate(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var url = Clean(document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href")) ?? Clean(metas.GetValueOrDefault("og:url"));
        return new ExtractedArticle(text, title, published, url);
    }

    // name= and property= (Open Graph) and itemprop= share one namespace here: no page uses one word for two things.
    private static Dictionary<string, string> Metas(IDocument document)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                metas.TryAdd(key.Trim(), content);
            }
        }

        return metas;
    }

    private static bool IsFurniture(IElement element)
    {
        if (element.LocalName is "html" or "body" or "article" or "main")
        {
            return false;
        }

        foreach (var attribute in (ReadOnlySpan<string?>)[element.ClassName, element.Id])
        {
            if (string.IsNullOrEmpty(attribute))
            {
                continue;
            }

            foreach (var word in attribute.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (AdTokens.Contains(word, StringComparer.OrdinalIgnoreCase)
                    || FurnitureWords.Any(f => word.Contains(f, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IElement? MainElement(IDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return null;
        }

        var allText = ParagraphText(body);
        var article = document.QuerySelectorAll("article").MaxBy(ParagraphText);
        if (article is not null && ParagraphText(article) is var articleText && articleText > 0 && articleText >= allText * ArticleShare)
        {
            return article;
        }

        // Readability's rule of thumb: a paragraph votes for its parent, and half as much for its grandparent,
        // so the container of the story's paragraphs wins over both one paragraph and the whole page.
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p"))
        {
            var length = p.TextContent.Trim().Length;
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + length;
                if (parent.ParentElement is { } grandparent)
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + (length / 2.0);
                }
            }
        }

        return scores.Count == 0 ? body : scores.MaxBy(s => s.Value).Key;
    }

    private static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length);

    private static string BodyText(IElement root)
    {
        var paragraphs = new List<string>();
        Collect(root, paragraphs);
        if (paragraphs.Count == 0 && InlineText(root) is { Length: > 0 } loose)
        {
            paragraphs.Add(loose);
        }

        return string.Join("\n\n", paragraphs);
    }

    // The innermost text blocks in document order: a <li> or <blockquote> made of <p>s gives its paragraphs.
    private static void Collect(IElement element, List<string> paragraphs)
    {
        foreach (var child in element.Children)
        {
            if (Blocks.Contains(child.LocalName) && !HasBlockInside(child))
            {
                if (InlineText(child) is { Length: > 0 } text)
                {
                    paragraphs.Add(text);
                }
            }
            else
            {
                Collect(child, paragraphs);
            }
        }
    }

    private static bool HasBlockInside(IElement element) => element.Children.Any(c => Blocks.Contains(c.LocalName) || HasBlockInside(c));

    // HTML's own whitespace rule (runs of spaces and line ends are one space) with <br> as a line break.
    private static string InlineText(IElement element)
    {
        var sb = new StringBuilder();
        Append(element, sb, element.LocalName == "pre");
        var lines = sb.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Append(INode node, StringBuilder sb, bool pre)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text when pre:
                    sb.Append(text.Data);
                    break;
                case IText text:
                    foreach (var c in text.Data)
                    {
                        var space = c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0';
                        if (!space)
                        {
                            sb.Append(c);
                        }
                        else if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                        {
                            sb.Append(' ');
                        }
                    }

                    break;
                case IElement { LocalName: "br" }:
                    sb.Append('\n');
                    break;
                case IElement element:
                    Append(element, sb, pre);
                    break;
            }
        }
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var words = string.Join(' ', value.Split((char[])[' ', '\t', '\n', '\r', '\f', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        return SourceText.Normalizable(words).Normalize(NormalizationForm.FormC);
    }

    // "2021-07-19T08:30:00+01:00" → 19 July 2021: the day as the publisher wrote it, not converted to UTC.
    private static PartialDate? IsoDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.AsSpan().Trim();
        var end = s.IndexOfAny('T', ' ');
        var datePart = (end < 0 ? s : s[..end]).ToString();
        return PartialDate.TryParse(datePart, out var date) ? date : null;
    }
}
