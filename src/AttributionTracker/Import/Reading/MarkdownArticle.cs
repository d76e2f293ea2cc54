using System.Text;
using AttributionTracker.Domain;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AttributionTracker.Import.Reading;

/// <summary>
/// A Markdown article as plain text: one paragraph per block with a blank line between, link text kept and
/// addresses, images and raw HTML dropped, soft line breaks joined as a rendered page would join them. The title is
/// the first level-one heading; a YAML front matter block ("title:", "date:") is read for metadata, not text.
/// </summary>
internal static class MarkdownArticle
{
    // Built once: a Markdig pipeline is immutable and safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static ExtractedArticle Extract(string markdown, string name)
    {
        if (HostileInput.MarkdownProblem(markdown) is { } problem)
        {
            throw new ArticleReadException(name, problem);
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e)
        {
            // Markdig's own guard against nesting deep enough to exhaust the stack.
            throw new ArticleReadException(name, "Markdown nested too deeply to be an article", e);
        }

        var walk = new Walk();
        walk.Blocks(document);
        return new ExtractedArticle(string.Join("\n\n", walk.Paragraphs), walk.Heading ?? walk.FrontTitle, walk.FrontDate);
    }

    private sealed class Walk
    {
        private readonly StringBuilder _line = new();

        public List<string> Paragraphs { get; } = [];

        public string? Heading { get; private set; }

        public string? FrontTitle { get; private set; }

        public PartialDate? FrontDate { get; private set; }

        public void Blocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                switch (block)
                {
                    case YamlFrontMatterBlock front:
                        FrontMatter(front);
                        break;
                    case HeadingBlock heading:
                        if (Add(heading.Inline) is { } text && heading.Level == 1)
                        {
                            Heading ??= text;
                        }

                        break;
                    case ParagraphBlock paragraph:
                        Add(paragraph.Inline);
                        break;
                    case CodeBlock code:
                        AddText(code.Lines.ToString());
                        break;
                    case LinkReferenceDefinitionGroup or HtmlBlock or ThematicBreakBlock:
                        break;
                    case ContainerBlock inner:
                        Blocks(inner);
                        break;
                }
            }
        }

        // Only the two keys an article needs; anything fancier in front matter is not ours to interpret.
        private void FrontMatter(YamlFrontMatterBlock front)
        {
            foreach (var line in front.Lines.ToString().Split('\n'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var key = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim().Trim('"', '\'');
                if (value.Length == 0)
                {
                    continue;
                }

                if (key.Equals("title", StringComparison.OrdinalIgnoreCase))
                {
                    FrontTitle ??= value;
                }
                else if ((key.Equals("date", StringComparison.OrdinalIgnoreCase) || key.Equals("published", StringComparison.OrdinalIgnoreCase))
                    && value.Length >= 10 && PartialDate.TryParse(value[..10], out var date))
                {
                    FrontDate ??= date;
                }
            }
        }

        private string? Add(ContainerInline? inline)
        {
            if (inline is null)
            {
                return null;
            }

            _line.Clear();
            Inlines(inline);
            return AddText(_line.ToString());
        }

        private string? AddText(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            Paragraphs.Add(trimmed);
            return trimmed;
        }

        private void Inlines(ContainerInline container)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        _line.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        _line.Append(code.Content);
                        break;
                    case LineBreakInline lineBreak:
                        _line.Append(lineBreak.IsHard ? '\n' : ' ');
                        break;
                    case HtmlEntityInline entity:
                        _line.Append(entity.Transcoded.AsSpan());
                        break;
                    case AutolinkInline autolink:
                        _line.Append(autolink.Url);
                        break;
                    case LinkInline { IsImage: true } or HtmlInline:
                        break;
                    case ContainerInline inner:
                        Inlines(inner);
                        break;
                }
            }
        }
    }
}
