using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AttributionTracker.Web.Markdown;

namespace AttributionTracker.Web.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Fact]
    public void Ordinary_markdown_becomes_html()
    {
        var html = Render("# Attack\n\nThe **Bundestag** was hit, see [the report](https://example.org/r).\n\n- one\n- two");

        Assert.Equal("Attack", html.QuerySelector("h3")?.TextContent);
        Assert.Equal("Bundestag", html.QuerySelector("p strong")?.TextContent);
        Assert.Equal(2, html.QuerySelectorAll("ul li").Length);
        var link = Assert.Single(html.QuerySelectorAll("a"));
        Assert.Equal("https://example.org/r", link.GetAttribute("href"));
    }

    [Fact]
    public void Every_link_gets_nofollow_noopener()
    {
        var html = Render("[a](https://example.org) and <https://example.com/x> and www.example.net");

        var links = html.QuerySelectorAll("a");
        Assert.Equal(3, links.Length);
        Assert.All(links, a => Assert.Equal("nofollow noopener", a.GetAttribute("rel")));
    }

    [Fact]
    public void Headings_start_at_the_level_the_page_asks_for()
    {
        var html = Render("# One\n\n## Two\n\n###### Six", topHeadingLevel: 2);

        Assert.Equal(["H2", "H3", "H6"], html.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.TagName));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hello <script>alert(1)</script> world")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div onclick=\"alert(1)\">click</div>")]
    [InlineData("<style>body{display:none}</style>")]
    public void Raw_html_is_shown_as_text_never_as_markup(string markdown)
    {
        var html = Render(markdown);

        Assert.Empty(html.QuerySelectorAll("script, img, iframe, div, style, a"));
        Assert.DoesNotContain(html.QuerySelectorAll("*"), HasEventAttribute);
        Assert.Contains(markdown.Split('>')[0], html.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x]: javascript:alert(1)\n\n[x]")]
    public void Links_to_scripts_or_data_lose_their_address_but_keep_their_words(string markdown)
    {
        var html = Render(markdown);

        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.NotEqual("", html.TextContent.Trim());
    }

    [Theory]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    public void Images_from_scripts_or_data_have_no_source(string markdown)
    {
        var html = Render(markdown);

        Assert.All(html.QuerySelectorAll("img"), img => Assert.False(img.HasAttribute("src")));
    }

    [Fact]
    public void Markdown_cannot_smuggle_attributes_onto_an_element()
    {
        var html = Render("[x](https://example.org \"t\" onmouseover=alert(1))\n\n![y](https://example.org/a.png\" onerror=\"alert(1))");

        Assert.DoesNotContain(html.QuerySelectorAll("*"), HasEventAttribute);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void No_text_renders_nothing(string? markdown) => Assert.Equal("", Renderer.Render(markdown).Value);

    private static bool HasEventAttribute(IElement element) =>
        element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));

    private static IElement Render(string markdown, int topHeadingLevel = 3)
    {
        var body = new HtmlParser().ParseDocument("<body></body>").Body!;
        body.InnerHtml = Renderer.Render(markdown, topHeadingLevel).Value!;
        return body;
    }
}
