using static AttributionTracker.Tests.Import.Dates.DateFinding;

namespace AttributionTracker.Tests.Import.Dates;

/// <summary>English date expressions, resolved against Monday 19 July 2021 unless a test says otherwise.</summary>
public sealed class EnglishDateTests
{
    [Theory]
    [InlineData("The breach happened in 2020, officials said.", "in 2020 = 2020")]
    [InlineData("The group has been active since 2019 at least.", "2019 = 2019")]
    [InlineData("It was blamed for the 2020 attack on the parliament.", "2020 = 2020")]
    [InlineData("The intrusion ran throughout 2018.", "2018 = 2018")]
    [InlineData("In March 2021 the company patched its servers.", "In March 2021 = 2021-03")]
    [InlineData("The summer of 2016 saw the leaks.", "2016 = 2016")]
    [InlineData("Microsoft said on 19 July 2021 that it agreed.", "on 19 July 2021 = 2021-07-19")]
    [InlineData("The White House said on July 19, 2021, that it agreed.", "on July 19, 2021 = 2021-07-19")]
    [InlineData("The advisory is dated 2021-07-19 in the archive.", "2021-07-19 = 2021-07-19")]
    [InlineData("The NotPetya attack of 27th June 2017 spread fast.", "27th June 2017 = 2017-06-27")]
    [InlineData("It was seen in Sept. 2020 first.", "in Sept. 2020 = 2020-09")]
    [InlineData("The advisory, published Monday, July 19, 2021, named APT40.", "Monday, July 19, 2021 = 2021-07-19")]
    public void Finds_absolute_dates_at_the_precision_written(string text, string expected)
    {
        Assert.Equal([expected], Describe(text, "en"));
    }

    [Theory]
    [InlineData("The group struck early March 2021.", "early March 2021 = early 2021-03")]
    [InlineData("The group struck mid-March 2021.", "mid-March 2021 = mid 2021-03")]
    [InlineData("The group struck late March 2021.", "late March 2021 = late 2021-03")]
    [InlineData("The group struck in early 2020.", "in early 2020 = early 2020")]
    [InlineData("The group has been active since mid-2021.", "mid-2021 = mid 2021")]
    [InlineData("Traffic peaked at the end of 2020.", "at the end of 2020 = late 2020")]
    [InlineData("Traffic peaked at the beginning of 2019.", "at the beginning of 2019 = early 2019")]
    [InlineData("Traffic peaked in the middle of May 2019.", "in the middle of May 2019 = mid 2019-05")]
    [InlineData("The servers were hacked early this year.", "early this year = early 2021 (relative)")]
    [InlineData("The servers were hacked late last year.", "late last year = late 2020 (relative)")]
    [InlineData("The servers were hacked in early March.", "in early March = early 2021-03 (relative)")]
    [InlineData("The report is due at the end of the year.", "at the end of the year = late 2021 (relative)")]
    public void Finds_the_early_mid_and_late_parts_of_years_and_months(string text, string expected)
    {
        Assert.Equal([expected], Describe(text, "en"));
    }

    [Theory]
    [InlineData("It said this year that it would act.", "this year = 2021 (relative)")]
    [InlineData("The breach came last year.", "last year = 2020 (relative)")]
    [InlineData("The law comes into force next year.", "next year = 2022 (relative)")]
    [InlineData("The patch shipped this month.", "this month = 2021-07 (relative)")]
    [InlineData("The patch shipped last month.", "last month = 2021-06 (relative)")]
    [InlineData("Britain said on Monday that it agreed.", "on Monday = 2021-07-19 (relative)")]
    [InlineData("Moscow dismissed Thursday's accusations.", "Thursday = 2021-07-15 (relative)")]
    [InlineData("The ministry said last Monday that it agreed.", "last Monday = 2021-07-12 (relative)")]
    [InlineData("The agency said yesterday that it agreed.", "yesterday = 2021-07-18 (relative)")]
    [InlineData("The agency said today that it agreed.", "today = 2021-07-19 (relative)")]
    [InlineData("The campaign began two years ago.", "two years ago = 2019 (relative)")]
    [InlineData("The campaign began three months ago.", "three months ago = 2021-04 (relative)")]
    [InlineData("The campaign began a year ago.", "a year ago = 2020 (relative)")]
    [InlineData("The campaign began 10 days ago.", "10 days ago = 2021-07-09 (relative)")]
    [InlineData("The outbreak began in March.", "in March = 2021-03 (relative)")]
    [InlineData("The outbreak began in December.", "in December = 2020-12 (relative)")]
    [InlineData("NotPetya first appeared on 27 June last year.", "on 27 June last year = 2020-06-27 (relative)")]
    [InlineData("It disclosed the breach in August last year.", "in August last year = 2020-08 (relative)")]
    [InlineData("It disclosed the breach in March this year.", "in March this year = 2021-03 (relative)")]
    [InlineData("WannaCry spread on 12 May, officials said.", "on 12 May = 2021-05-12 (relative)")]
    [InlineData("It happened on 20 July, a day after the reference.", "on 20 July = 2020-07-20 (relative)")]
    [InlineData("It surfaced last August.", "last August = 2020-08 (relative)")]
    [InlineData("The summit is next May.", "next May = 2022-05 (relative)")]
    public void Resolves_relative_expressions_against_the_article_date(string text, string expected)
    {
        Assert.Equal([expected], Describe(text, "en"));
    }

    [Theory]
    [InlineData("Officials said the day before that it agreed.")]
    [InlineData("Theresa May said the hackers may march on.")]
    [InlineData("The Sunday Times reported the breach.")]
    [InlineData("The backup runs every Monday.")]
    [InlineData("Attacks rose over the last year.")]
    [InlineData("Jan Lipavsky, the minister, agreed.")]
    public void Ignores_words_that_only_look_like_dates(string text)
    {
        Assert.Empty(Find(text, "en"));
    }

    [Fact]
    public void Reads_every_date_of_a_sentence_in_order_with_exact_offsets()
    {
        const string text = "Between late 2011 and mid-2013 the group hit banks; on Thursday the US charged seven men.";

        var mentions = Find(text, "en", "2016-03-25");

        Assert.Equal(["late 2011 = late 2011", "mid-2013 = mid 2013", "on Thursday = 2016-03-24 (relative)"], mentions.Select(m => Describe(text, m)));
        Assert.Equal(text.IndexOf("late 2011", StringComparison.Ordinal), mentions[0].Start);
        Assert.Equal(text.IndexOf(" the group", StringComparison.Ordinal), mentions[1].End);
    }

    [Fact]
    public void Joined_years_and_months_share_their_context()
    {
        Assert.Equal(
            ["2021 = 2021", "2022 = 2022", "April = 2015-04", "May 2015 = 2015-05", "December = 2020-12", "January 2021 = 2021-01"],
            Describe("Between 2021 and 2022, between April and May 2015, and between December and January 2021.", "en"));
    }
}
