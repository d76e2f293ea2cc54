using System.Diagnostics;
using System.Text;
using AttributionTracker.Import.Dates;
using static AttributionTracker.Tests.Import.Dates.DateFinding;

namespace AttributionTracker.Tests.Import.Dates;

/// <summary>Numbers that are not years, the scanned range, the overlap rule, hostile input and speed.</summary>
public sealed class DateRobustnessTests
{
    [Theory]
    [InlineData("unos 250.000 servidores en todo el mundo", "es")]
    [InlineData("más de 2000 servidores cayeron", "es")]
    [InlineData("afectó a 2021 servidores de 2000 empresas", "es")]
    [InlineData("El 8% de las empresas no lo había hecho", "es")]
    [InlineData("some 2,000 servers in 2,020 offices", "en")]
    [InlineData("a total of 2015 machines in 2000 servers", "en")]
    [InlineData("the flaw CVE-2021-26855 in Exchange 2019", "en")]
    [InlineData("a trend of the 2020s", "en")]
    [InlineData("in 1989 and in 2023, which is after the article", "en")]
    [InlineData("in 2,020.5 cases", "en")]
    [InlineData("2021-13-45 is no date", "en")]
    public void Numbers_that_are_not_years_are_not_dates(string text, string language)
    {
        Assert.Empty(Find(text, language));
    }

    [Fact]
    public void An_impossible_day_leaves_only_its_month()
    {
        Assert.Equal(["febrero de 2021 = 2021-02"], Describe("el 31 de febrero de 2021", "es"));
        Assert.Empty(Find("on 29 February", "en", "2021-07-19"));
    }

    [Fact]
    public void A_year_may_be_one_after_the_article_year()
    {
        Assert.Equal(["in 2022 = 2022"], Describe("The law takes effect in 2022.", "en"));
    }

    [Fact]
    public void Only_the_range_is_scanned_and_offsets_are_into_the_whole_text()
    {
        const string text = "En 2019 hubo algo. El lunes, en marzo de 2021, la UE actuó. Y en 2018 también.";
        var start = text.IndexOf("El lunes", StringComparison.Ordinal);
        var end = text.IndexOf(" Y en", StringComparison.Ordinal);

        var mentions = DateExpressions.Find(text, start, end, "es", Day(SeedDay));

        Assert.Equal(["El lunes = 2021-07-19 (relative)", "en marzo de 2021 = 2021-03"], mentions.Select(m => Describe(text, m)));
        Assert.Equal(start, mentions[0].Start);
        Assert.Equal(start + "El lunes".Length, mentions[0].End);
    }

    [Theory]
    [InlineData("a principios de este año", "es")]
    [InlineData("a finales de agosto del año pasado", "es")]
    [InlineData("el pasado mes de marzo", "es")]
    [InlineData("el lunes 19 de julio", "es")]
    [InlineData("early this year", "en")]
    [InlineData("on 27 June last year", "en")]
    [InlineData("in early March 2021", "en")]
    public void Overlapping_expressions_give_only_the_longest(string text, string language)
    {
        var mention = Assert.Single(Find(text, language));

        Assert.Equal((0, text.Length), (mention.Start, mention.End));
    }

    [Fact]
    public void An_expression_inside_a_contraction_starts_at_the_article()
    {
        const string text = "El anuncio del lunes marca una atribución formal.";

        var mention = Assert.Single(Find(text, "es"));

        Assert.Equal("el lunes", text[mention.Start..mention.End]);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    public void A_hostile_megabyte_of_digits_and_month_names_returns_promptly(string language)
    {
        var pieces = new[] { "2021", "marzo", "March", "19", "de", "de 2021", "-", "mid-", "2021-07-", "/", "12345678901234567890", "250.000", "hace", "a principios de" };
        var text = new StringBuilder(1_100_000);
        var random = new Random(7);
        while (text.Length < 1_000_000)
        {
            text.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
        }

        text.Append(new string('7', 200_000)).Append(" de 2021");
        var hostile = text.ToString();

        var clock = Stopwatch.StartNew();
        var mentions = DateExpressions.Find(hostile, 0, hostile.Length, language, Day(SeedDay));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.InRange(m.End - m.Start, 1, 60));
    }

    [Fact]
    public void Languages_are_named_by_their_code()
    {
        Assert.Single(Find("el lunes", "es-ES"));
        Assert.Single(Find("on Monday", "EN"));
        Assert.Throws<ArgumentException>(() => Find("le lundi", "fr"));
    }

    [Fact]
    public void A_range_outside_the_text_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DateExpressions.Find("en 2020", 3, 2, "es", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => DateExpressions.Find("en 2020", 0, 8, "es", null));
        Assert.Empty(DateExpressions.Find("", 0, 0, "es", null));
    }
}
