using System.Text;
using AttributionTracker.Domain;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Reading;

public sealed class FormatTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Britain blames Russia for NotPetya | The Daily Example</title>
          <meta property="og:title" content="UK blames Russia for NotPetya">
          <meta property="article:published_time" content="2018-02-15T09:30:00+00:00">
          <link rel="canonical" href="https://news.example/uk-blames-russia-notpetya">
          <style>p { color: red }</style>
          <script>var tracking = "the of and to in";</script>
        </head>
        <body>
          <header class="site-header"><a href="/">The Daily Example</a><p>Your daily example news</p></header>
          <nav><ul><li>Home</li><li>World</li><li>Technology</li></ul></nav>
          <main>
            <article>
              <header>
                <h1>Britain blames   Russia for NotPetya</h1>
                <time datetime="2018-02-16">16 February 2018</time>
              </header>
              <p>Britain on Thursday publicly blamed the Russian military for the <b>NotPetya</b> cyber-attack.</p>
              <div class="ad-slot"><p>Buy our excellent product today!</p></div>
              <figure><img src="x.jpg"><figcaption>Sponsored: a photo of a server room</figcaption></figure>
              <p>"The UK government judges that the Russian government was responsible," Lord Ahmad said.&nbsp;It was
                 the first such statement.</p>
              <blockquote><p>The attack was reckless.</p></blockquote>
              <ul><li>Australia agreed.</li><li>Canada agreed.</li></ul>
              <div class="share-buttons"><p>Share this on social media</p></div>
            </article>
            <aside><h2>Most read</h2><p>Ten things you never knew about cats.</p></aside>
          </main>
          <footer><p>Copyright The Daily Example. All rights reserved.</p></footer>
          <form><p>Sign up for our newsletter</p></form>
        </body>
        </html>
        """;

    [Fact]
    public void An_HTML_page_gives_only_its_article_text_with_title_date_and_address()
    {
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(Page), "page");

        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.Equal(
            "Britain blames Russia for NotPetya\n\n"
            + "Britain on Thursday publicly blamed the Russian military for the NotPetya cyber-attack.\n\n"
            + "\"The UK government judges that the Russian government was responsible,\" Lord Ahmad said. It was the first such statement.\n\n"
            + "The attack was reckless.\n\n"
            + "Australia agreed.\n\n"
            + "Canada agreed.",
            article.Text);
        Assert.Equal("Britain blames Russia for NotPetya", article.Title);
        Assert.Equal(PartialDate.OfDay(2018, 2, 15), article.PublishedOn);
        Assert.Equal("https://news.example/uk-blames-russia-notpetya", article.Url);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void An_HTML_page_without_article_uses_the_block_with_most_paragraph_text()
    {
        var html = $"""
            <html><head><meta property="og:title" content="Spain and the attack"><meta property="og:url" content="https://ex.es/a">
            <meta name="date" content="2021-07-19"></head>
            <body>
              <div id="menu"><p>Inicio</p><p>Internacional</p></div>
              <div id="story"><p>{Samples.Spanish(1)}</p><p>Second paragraph of the story.</p></div>
              <div id="bottom"><p>Contacto</p></div>
            </body></html>
            """;

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "story.htm");

        // The seed has no-break spaces ("250.000\u00A0servidores"); in a page they are layout, and read as spaces.
        Assert.Equal(Samples.Spanish(1).Replace('\u00A0', ' ') + "\n\nSecond paragraph of the story.", article.Text);
        Assert.Equal("Spain and the attack", article.Title);
        Assert.Equal(PartialDate.OfDay(2021, 7, 19), article.PublishedOn);
        Assert.Equal("https://ex.es/a", article.Url);
        Assert.Equal("es", article.Language);
    }

    [Fact]
    public void An_HTML_fragment_of_paragraphs_is_HTML_and_takes_its_date_from_a_time_element()
    {
        var html = "<p>" + string.Join("</p>\n<p>", Samples.English(3).Split("\n\n")) + "</p><p><time datetime=\"2018-02-15T10:00Z\">Thursday</time></p>";

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(html), "fragment");

        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.Equal(Samples.English(3) + "\n\nThursday", article.Text);
        Assert.Equal(PartialDate.OfDay(2018, 2, 15), article.PublishedOn);
    }

    [Fact]
    public void The_page_title_is_the_last_resort_for_an_HTML_title()
    {
        var html = $"<html><head><title>  Russia   blamed </title></head><body><p>{Samples.English(1)}</p></body></html>";

        Assert.Equal("Russia blamed", ArticleReader.Read(Encoding.UTF8.GetBytes(html), "a.html").Title);
    }

    [Fact]
    public void An_HTML_page_with_no_text_is_refused()
    {
        var error = Assert.Throws<ArticleReadException>(() =>
            ArticleReader.Read(Encoding.UTF8.GetBytes("<html><body><nav><p>Home</p></nav><script>x()</script></body></html>"), "empty.html"));

        Assert.Equal("no article text found in the HTML", error.Reason);
    }

    [Fact]
    public void Markdown_becomes_plain_paragraphs_with_the_first_heading_as_title()
    {
        var markdown = """
            # Britain blames *Russia*

            Britain on Thursday **publicly** blamed the [Russian military](https://example.org/gru "GRU")
            for the `NotPetya` cyber-attack.

            ![a server room](room.jpg)

            ## Reactions

            * Australia agreed.
            * Canada agreed, and said the attack was reckless.

            > The attack was reckless &amp; costly.

            ---
            <div>raw html</div>
            """;

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(markdown), "notpetya");

        Assert.Equal(ArticleFormat.Markdown, article.Format);
        Assert.Equal("Britain blames Russia", article.Title);
        Assert.Equal(
            "Britain blames Russia\n\n"
            + "Britain on Thursday publicly blamed the Russian military for the NotPetya cyber-attack.\n\n"
            + "Reactions\n\n"
            + "Australia agreed.\n\n"
            + "Canada agreed, and said the attack was reckless.\n\n"
            + "The attack was reckless & costly.",
            article.Text);
        Assert.Null(article.Url);
    }

    [Fact]
    public void Markdown_front_matter_gives_title_and_date_but_no_text()
    {
        var markdown = $"---\ntitle: \"Raab points at Beijing\"\ndate: 2021-07-19\n---\n\n{Samples.Spanish(1)}\n";

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(markdown), "raab.md");

        Assert.Equal(Samples.Spanish(1), article.Text);
        Assert.Equal("Raab points at Beijing", article.Title);
        Assert.Equal(PartialDate.OfDay(2021, 7, 19), article.PublishedOn);
    }

    [Theory]
    [InlineData("article.txt", ArticleFormat.PlainText)]
    [InlineData("article.md", ArticleFormat.Markdown)]
    [InlineData("article.markdown", ArticleFormat.Markdown)]
    [InlineData("article.HTML", ArticleFormat.Html)]
    [InlineData("article", ArticleFormat.Markdown)]
    public void The_extension_settles_the_format_and_the_content_decides_without_one(string name, ArticleFormat format)
    {
        var markdown = "# Britain blames Russia\n\n" + Samples.English(2);

        Assert.Equal(format, ArticleReader.Read(Encoding.UTF8.GetBytes(markdown), name).Format);
    }

    [Theory]
    [InlineData("A sentence with a * star and 2 * 3 = 6 in it.")]
    [InlineData("Prices rose 5% (and [sic] fell).")]
    [InlineData("He wrote <p> once in a quoted example.")]
    public void Plain_text_with_stray_symbols_stays_plain_text(string line)
    {
        var text = Samples.English(2) + "\n\n" + line;

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(text), "plain");

        Assert.Equal(ArticleFormat.PlainText, article.Format);
        Assert.Equal(text, article.Text);
    }

    [Fact]
    public void Plain_text_is_normalised_so_offsets_are_stable()
    {
        var paragraphs = Samples.Spanish(2).Split("\n\n");
        var decomposed = ("  \r\n" + paragraphs[0] + "   \r\n\r\n" + paragraphs[1] + "\t\r\n\r\n").Normalize(NormalizationForm.FormD);

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes(decomposed), "crlf.txt");

        Assert.Equal(paragraphs[0] + "\n\n" + paragraphs[1], article.Text);
        Assert.Equal(SourceText.Normalise(article.Text), article.Text);
        Assert.DoesNotContain('\r', article.Text);
        Assert.True(article.Text.IsNormalized(NormalizationForm.FormC));
    }
}
