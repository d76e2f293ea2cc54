using AttributionTracker.Domain;

namespace AttributionTracker.Tests.Domain;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2021", DatePrecision.Year, "2021")]
    [InlineData("2021-03", DatePrecision.Month, "March 2021")]
    [InlineData("2021-07-19", DatePrecision.Day, "19 July 2021")]
    [InlineData("early 2021-03", DatePrecision.EarlyMonth, "early March 2021")]
    [InlineData("late 2020", DatePrecision.LateYear, "late 2020")]
    public void Parses_and_prints_only_the_precision_the_source_gave(string text, DatePrecision precision, string display)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(text, date.ToString());
        Assert.Equal(display, date.ToDisplayString());
    }

    [Fact]
    public void Early_March_is_not_the_first_of_March()
    {
        var earlyMarch = PartialDate.OfMonth(2021, 3).Part(DatePart.Early);
        var firstOfMarch = PartialDate.OfDay(2021, 3, 1);

        Assert.NotEqual(firstOfMarch, earlyMarch);
        Assert.Null(earlyMarch.Day);
        Assert.Equal(3, earlyMarch.Month);
        Assert.Equal(new DateOnly(2021, 3, 10), earlyMarch.End);
    }

    [Fact]
    public void A_period_runs_from_its_first_to_its_last_day()
    {
        Assert.Equal(new DateOnly(2020, 2, 29), PartialDate.OfMonth(2020, 2).End);
        Assert.Equal(new DateOnly(2021, 12, 31), PartialDate.OfYear(2021).End);
        Assert.Equal(new DateOnly(2021, 3, 21), PartialDate.OfMonth(2021, 3).Part(DatePart.Late).Start);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-13")]
    [InlineData("2021-02-30")]
    [InlineData("early 2021-03-05")]
    [InlineData("sometime 2021")]
    [InlineData("21-03")]
    public void Rejects_text_that_is_not_a_real_date(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => PartialDate.Parse(text));
        Assert.Contains("2021-03", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sorts_by_period_start_then_coarser_first()
    {
        var dates = new[] { PartialDate.OfDay(2021, 3, 2), PartialDate.OfYear(2021), PartialDate.OfMonth(2021, 3), PartialDate.OfYear(2020) };

        var sorted = dates.Order().Select(d => d.ToString());

        Assert.Equal(["2020", "2021", "2021-03", "2021-03-02"], sorted);
    }
}
