using static AttributionTracker.Tests.Import.Dates.DateFinding;

namespace AttributionTracker.Tests.Import.Dates;

/// <summary>How weekdays and months without a year are placed around the article date.</summary>
public sealed class DateResolutionTests
{
    [Theory]
    [InlineData("el lunes", "es", "2021-07-19", "2021-07-19")]
    [InlineData("este lunes", "es", "2021-07-19", "2021-07-19")]
    [InlineData("el pasado lunes", "es", "2021-07-19", "2021-07-12")]
    [InlineData("el lunes pasado", "es", "2021-07-19", "2021-07-12")]
    [InlineData("el domingo", "es", "2021-07-19", "2021-07-18")]
    [InlineData("el martes", "es", "2021-07-19", "2021-07-13")]
    [InlineData("el próximo lunes", "es", "2021-07-19", "2021-07-26")]
    [InlineData("el lunes", "es", "2021-07-21", "2021-07-19")]
    [InlineData("el miércoles", "es", "2021-07-21", "2021-07-21")]
    [InlineData("el pasado miércoles", "es", "2021-07-21", "2021-07-14")]
    [InlineData("el jueves", "es", "2021-07-21", "2021-07-15")]
    [InlineData("el sábado", "es", "2022-01-03", "2022-01-01")]
    [InlineData("el viernes", "es", "2022-01-03", "2021-12-31")]
    [InlineData("on Monday", "en", "2021-07-19", "2021-07-19")]
    [InlineData("last Monday", "en", "2021-07-19", "2021-07-12")]
    [InlineData("on Sunday", "en", "2021-07-19", "2021-07-18")]
    [InlineData("next Monday", "en", "2021-07-19", "2021-07-26")]
    public void A_weekday_is_the_latest_one_on_or_before_the_article_date(string text, string language, string reference, string expected)
    {
        var mention = Assert.Single(Find(text, language, reference));

        Assert.Equal(expected, mention.Date.ToString());
        Assert.True(mention.IsRelative);
        Assert.Equal(text, text[mention.Start..mention.End]);
    }

    [Theory]
    [InlineData("en diciembre", "es", "2022-01-10", "2021-12")]
    [InlineData("in December", "en", "2022-01-10", "2021-12")]
    [InlineData("a finales de diciembre", "es", "2022-01-10", "late 2021-12")]
    [InlineData("el 30 de diciembre", "es", "2022-01-10", "2021-12-30")]
    [InlineData("en enero", "es", "2022-01-10", "2022-01")]
    [InlineData("el 10 de enero", "es", "2022-01-10", "2022-01-10")]
    [InlineData("el 11 de enero", "es", "2022-01-10", "2021-01-11")]
    [InlineData("el año pasado", "es", "2022-01-10", "2021")]
    [InlineData("el mes pasado", "es", "2022-01-10", "2021-12")]
    [InlineData("ayer", "es", "2022-01-01", "2021-12-31")]
    [InlineData("last March", "en", "2021-03-15", "2020-03")]
    [InlineData("in March", "en", "2021-03-15", "2021-03")]
    public void A_month_without_a_year_is_the_latest_one_not_after_the_article_date(string text, string language, string reference, string expected)
    {
        var mention = Assert.Single(Find(text, language, reference));

        Assert.Equal(expected, mention.Date.ToString());
    }

    [Fact]
    public void Relative_expressions_are_skipped_without_an_article_date()
    {
        const string text = "El lunes, en marzo de 2021 y el año pasado, hace dos años y en 2020.";

        Assert.Equal(["en marzo de 2021 = 2021-03", "en 2020 = 2020"], Describe(text, "es", reference: null));
    }

    [Fact]
    public void A_month_given_its_year_by_the_next_date_is_not_relative()
    {
        var mention = Find("entre abril y mayo de 2015", "es", reference: null)[0];

        Assert.Equal("2015-04", mention.Date.ToString());
        Assert.False(mention.IsRelative);
    }
}
