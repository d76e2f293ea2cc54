using System.Text;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Reading;

public sealed class LanguageTests
{
    [Fact]
    public void English_and_Spanish_articles_are_told_apart()
    {
        var (english, englishConfidence) = LanguageDetector.Detect(Samples.English(1));
        var (spanish, spanishConfidence) = LanguageDetector.Detect(Samples.Spanish(1));

        Assert.Equal("en", english);
        Assert.Equal("es", spanish);
        Assert.InRange(englishConfidence, 0.8, 1);
        Assert.InRange(spanishConfidence, 0.8, 1);
    }

    [Fact]
    public void The_reader_reports_the_language_it_detected()
    {
        Assert.Equal("en", Read(Samples.English()).Language);
        Assert.Equal("es", Read(Samples.Spanish()).Language);
    }

    [Theory]
    [InlineData(Samples.French, "French")]
    [InlineData(Samples.German, "German")]
    [InlineData(Samples.Portuguese, "Portuguese")]
    [InlineData(Samples.Italian, "Italian")]
    public void Other_languages_are_refused_by_name(string text, string language)
    {
        var error = Assert.Throws<ArticleReadException>(() => Read(text));

        Assert.Equal($"language not recognised as English or Spanish (looks like {language})", error.Reason);
    }

    [Theory]
    [InlineData("APT28, GRU, 2018.")]
    [InlineData("La casa")]
    [InlineData("Microsoft Exchange: Hafnium")]
    public void Too_little_text_is_refused_as_such(string text)
    {
        var error = Assert.Throws<ArticleReadException>(() => Read(text));

        Assert.Equal("language not recognised as English or Spanish (too little text to tell)", error.Reason);
        Assert.Null(LanguageDetector.Detect(text).Language);
    }

    [Fact]
    public void Half_English_half_Spanish_text_is_refused_as_either()
    {
        var text = "The government said that the attack was carried out by the group. El Gobierno dijo que el ataque fue obra del grupo.";

        var error = Assert.Throws<ArticleReadException>(() => Read(text));

        Assert.StartsWith("language not recognised as English or Spanish (could be ", error.Reason);
    }

    [Fact]
    public void A_forced_language_skips_detection()
    {
        var article = ArticleReader.Read(Encoding.UTF8.GetBytes("APT28, GRU, 2018."), "short.txt", new ArticleReadOptions { Language = "es" });

        Assert.Equal("es", article.Language);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("english")]
    [InlineData("")]
    public void Only_English_or_Spanish_can_be_forced(string language)
    {
        var options = new ArticleReadOptions { Language = language };

        Assert.Throws<ArgumentException>(() => ArticleReader.Read(Encoding.UTF8.GetBytes(Samples.English()), "a.txt", options));
        Assert.Throws<ArgumentException>(() => ArticleReader.ReadFile("/no/such/file.txt", options));
    }

    private static ArticleText Read(string text) => ArticleReader.Read(Encoding.UTF8.GetBytes(text), "article.txt");
}
