namespace AttributionTracker.Import.Reading;

/// <summary>
/// Cheap linear checks run before the HTML and Markdown parsers, which are quadratic on shapes no article has:
/// AngleSharp in element nesting depth, Markdig in emphasis and bracket delimiters per paragraph and in list
/// nesting. Measured: 100,000 nested &lt;div&gt;s (600 KB) took AngleSharp 35 s; 8,000 "a_ " (23 KB) took Markdig 1 s.
/// </summary>
internal static class HostileInput
{
    // Real pages nest a few dozen elements deep; browsers stop nesting at 512.
    public const int MaxHtmlDepth = 512;

    // Leading spaces, tabs and '>' of one Markdown line: about 25 levels of list or quote.
    public const int MaxMarkdownIndent = 100;

    // A news paragraph holds a handful of '*', '_' and '['; these bound Markdig's delimiter work to milliseconds.
    public const int MaxDelimitersPerParagraph = 1_000;

    public const int MaxDelimiters = 20_000;

    // Elements that close themselves (void) or are closed by their next sibling (optional end tag): they never nest.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FlatElements = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "basefont", "bgsound", "frame", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    // Their content is text to the parser, so tags inside it do not count.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextElements =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "noscript", "template" }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether elements ever stack deeper than <see cref="MaxHtmlDepth"/>. A close tag pops back to its open tag,
    /// and one with no open tag of its name is ignored, as the parser does, so stray close tags cannot hide depth.
    /// </summary>
    public static bool HtmlNestsTooDeep(ReadOnlySpan<char> html)
    {
        // Hashes of the open elements' names: enough to match close tags without a string per tag.
        var open = new List<int>(64);
        while (html.IndexOf('<') is var at and >= 0)
        {
            html = html[(at + 1)..];
            if (html.StartsWith("!--"))
            {
                var end = html.IndexOf("-->");
                html = end < 0 ? [] : html[(end + 3)..];
                continue;
            }

            var closing = !html.IsEmpty && html[0] == '/';
            var name = TagName(closing ? html[1..] : html);
            if (name.IsEmpty || FlatElements.Contains(name))
            {
                continue;
            }

            var hash = string.GetHashCode(name, StringComparison.OrdinalIgnoreCase);
            if (closing)
            {
                if (open.LastIndexOf(hash) is var match and >= 0)
                {
                    open.RemoveRange(match, open.Count - match);
                }

                continue;
            }

            var tagEnd = html.IndexOf('>');
            if (tagEnd < 0)
            {
                break;
            }

            if (RawTextElements.Contains(name))
            {
                var rest = html[(tagEnd + 1)..];
                var close = rest.IndexOf(string.Concat("</", name), StringComparison.OrdinalIgnoreCase);
                html = close < 0 ? [] : rest[(close + 2 + name.Length)..];
                continue;
            }

            if (html[tagEnd - 1] != '/')
            {
                open.Add(hash);
                if (open.Count > MaxHtmlDepth)
                {
                    return true;
                }
            }

            html = html[(tagEnd + 1)..];
        }

        return false;
    }

    /// <summary>Why Markdig should not be given this text, or null when it is safe.</summary>
    public static string? MarkdownProblem(ReadOnlySpan<char> markdown)
    {
        var total = 0;
        var paragraph = 0;
        foreach (var line in markdown.EnumerateLines())
        {
            var indent = line.IndexOfAnyExcept(" \t>");
            if (indent < 0)
            {
                paragraph = 0;
                continue;
            }

            if (indent > MaxMarkdownIndent)
            {
                return "Markdown nested too deeply to be an article";
            }

            var delimiters = line.Count('*') + line.Count('_') + line.Count('[');
            paragraph += delimiters;
            total += delimiters;
            if (paragraph > MaxDelimitersPerParagraph || total > MaxDelimiters)
            {
                return "too much Markdown markup to be an article";
            }
        }

        return null;
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !char.IsAsciiLetter(s[0]))
        {
            return [];
        }

        var end = s.IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:");
        return end < 0 ? s : s[..end];
    }
}
