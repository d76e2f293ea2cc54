namespace AttributionTracker.Import.Reading;

/// <summary>
/// Decides how to read an article: by its file extension when that is one we know, else by what the text looks
/// like. Linear scans only, so a hostile file costs no more than its length.
/// </summary>
internal static class FormatSniffer
{
    // A few paragraph tags make a fragment HTML even without <html> or <body>; one could be a quoted example.
    private const int ParagraphTagsForHtml = 3;

    // Bullets are the weakest Markdown sign: plain text uses "* " now and then.
    private const int BulletsForMarkdown = 2;

    public static ArticleFormat Detect(string text, string name)
    {
        var extension = Path.GetExtension(name.AsSpan());
        if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleFormat.Html;
        }

        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleFormat.Markdown;
        }

        if (extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleFormat.PlainText;
        }

        return LooksLikeHtml(text) ? ArticleFormat.Html : LooksLikeMarkdown(text) ? ArticleFormat.Markdown : ArticleFormat.PlainText;
    }

    internal static bool LooksLikeHtml(string text)
    {
        var s = text.AsSpan();
        if (s.Contains("<html", StringComparison.OrdinalIgnoreCase) || s.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || s.Contains("<article", StringComparison.OrdinalIgnoreCase) || s.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var paragraphs = 0;
        for (var at = s.IndexOf("<p", StringComparison.OrdinalIgnoreCase); at >= 0; at = s.IndexOf("<p", StringComparison.OrdinalIgnoreCase))
        {
            s = s[(at + 2)..];
            if (!s.IsEmpty && (s[0] == '>' || char.IsWhiteSpace(s[0])) && ++paragraphs >= ParagraphTagsForHtml)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool LooksLikeMarkdown(string text)
    {
        var bullets = 0;
        var previousLineHasText = false;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (IsAtxHeading(line) || HasLink(line) || HasBold(line) || (previousLineHasText && IsSetextUnderline(line)))
            {
                return true;
            }

            if (line.StartsWith("* ") && ++bullets >= BulletsForMarkdown)
            {
                return true;
            }

            previousLineHasText = !line.IsWhiteSpace();
        }

        return false;
    }

    // "# Title" to "###### Title": hashes, a space, then text.
    private static bool IsAtxHeading(ReadOnlySpan<char> line)
    {
        var hashes = 0;
        while (hashes < line.Length && line[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 1 and <= 6 && line.Length > hashes + 1 && line[hashes] == ' ' && !line[(hashes + 1)..].IsWhiteSpace();
    }

    private static bool IsSetextUnderline(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length >= 3 && !trimmed.ContainsAnyExcept('=');
    }

    // "[text](url)": a "[" earlier on the line, then "](", then a url without spaces closed by ")". One pass, so a
    // line of a million brackets costs a million steps.
    private static bool HasLink(ReadOnlySpan<char> line)
    {
        var bracket = false;
        var url = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (url >= 0)
            {
                if (c == ')' && url > 0)
                {
                    return true;
                }

                url = c == ' ' ? -1 : url + 1;
            }

            if (c == '[')
            {
                bracket = true;
            }
            else if (c == ']' && bracket && i + 1 < line.Length && line[i + 1] == '(')
            {
                url = 0;
                i++;
            }
        }

        return false;
    }

    // "**word**": a "**" before a non-space, later a "**" after one, on the same line.
    private static bool HasBold(ReadOnlySpan<char> line)
    {
        var open = false;
        for (var i = 0; i + 1 < line.Length; i++)
        {
            if (line[i] != '*' || line[i + 1] != '*')
            {
                continue;
            }

            if (open && !char.IsWhiteSpace(line[i - 1]) && line[i - 1] != '*')
            {
                return true;
            }

            open |= i + 2 < line.Length && !char.IsWhiteSpace(line[i + 2]) && line[i + 2] != '*';
            i++;
        }

        return false;
    }
}
