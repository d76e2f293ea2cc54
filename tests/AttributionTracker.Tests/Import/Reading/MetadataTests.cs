using System.Text;
using AttributionTracker.Domain;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import.Reading;

public sealed class MetadataTests
{
    private static readonly DateOnly Today = new(2024, 3, 1);

    [Fact]
    public void A_short_first_line_standing_alone_is_the_title_and_stays_in_the_text()
    {
        var text = "Britain blames Russia for NotPetya\n\n" + Samples.English();

        var article = Read(text);

        Assert.Equal("Britain blames Russia for NotPetya", article.Title);
        Assert.StartsWith("Britain blames Russia for NotPetya\n\n", article.Text);
    }

    [Theory]
    [InlineData("Britain blamed Russia on Thursday.\n\n")]
    [InlineData("Britain blames Russia\nfor the attack\n\n")]
    [InlineData("2018-02-15\n\n")]
    public void A_first_line_that_is_a_sentence_or_not_alone_is_no_title(string firstLines)
    {
        Assert.Null(Read(firstLines + Samples.English()).Title);
        Assert.Null(Read(Samples.English()).Title);
    }

    [Fact]
    public void A_first_line_of_200_characters_is_no_title()
    {
        var line = new string('x', 199) + "y";

        Assert.Null(Read(line + "\n\n" + Samples.English()).Title);
        Assert.Equal(line[1..], Read(line[1..] + "\n\n" + Samples.English()).Title);
    }

    [Fact]
    public void Given_title_and_date_win_over_what_the_text_says()
    {
        var options = new ArticleReadOptions { Title = "Given", PublishedOn = PartialDate.OfMonth(2018, 2) };

        var article = ArticleReader.Read(Encoding.UTF8.GetBytes("Headline\n\n19 July 2021\n\n" + Samples.English()), "a.txt", options);

        Assert.Equal("Given", article.Title);
        Assert.Equal(PartialDate.OfMonth(2018, 2), article.PublishedOn);
    }

    [Theory]
    [InlineData("en", "By Jane Doe\n19 July 2021\n\n")]
    [InlineData("en", "Published July 19, 2021 at 10:31 BST\n\n")]
    [InlineData("en", "Monday, Jul. 19th, 2021\n\n")]
    [InlineData("en", "Updated: 2021-07-19T10:31:00Z\n\n")]
    [InlineData("en", "19/07/2021\n\n")]
    [InlineData("en", "LONDON, July 19 (Reuters) - ")]
    [InlineData("es", "Lunes, 19 de julio de 2021\n\n")]
    [InlineData("es", "19 de julio del 2021 - 10:31 CEST\n\n")]
    [InlineData("es", "Madrid, 19 jul (EFE).- ")]
    [InlineData("es", "BUENOS AIRES, 19 Jul. (EUROPA PRESS) - ")]
    [InlineData("es", "19/07/2021 10:31\n\n")]
    public void A_dateline_near_the_top_gives_the_publication_day(string language, string dateline)
    {
        var body = language == "es" ? Samples.Spanish() : Samples.English();

        Assert.Equal(PartialDate.OfDay(2021, 7, 19), Dateline.Find(dateline + body, language, new DateOnly(2021, 12, 31)));
    }

    [Theory]
    [InlineData("es", "Lima, 3 de setiembre de 2020\n\n", 2020, 9, 3)]
    [InlineData("es", "3 sept. 2020\n\n", 2020, 9, 3)]
    [InlineData("en", "3 Sept 2020\n\n", 2020, 9, 3)]
    [InlineData("en", "07/19/2021\n\n", 2021, 7, 19)]
    [InlineData("en", "WASHINGTON, Dec 30 (Reuters) - ", 2023, 12, 30)]
    [InlineData("es", "Madrid, 29 feb (EFE).- ", 2024, 2, 29)]
    public void Datelines_read_their_month_names_and_guess_a_missing_year_from_today(string language, string dateline, int year, int month, int day)
    {
        Assert.Equal(PartialDate.OfDay(year, month, day), Dateline.Find(dateline + Samples.English(1), language, Today));
    }

    [Fact]
    public void A_yearless_29_February_is_taken_from_the_last_leap_year()
    {
        Assert.Equal(PartialDate.OfDay(2020, 2, 29), Dateline.Find("Madrid, 29 feb (EFE).- " + Samples.Spanish(), "es", new DateOnly(2023, 6, 1)));
    }

    [Theory]
    [InlineData("en", "On 19 July officials said the attack had begun.\n\n")]
    [InlineData("en", "05/06/2021\n\n")]
    [InlineData("es", "El 19 de julio, el Gobierno dijo que el ataque había empezado.\n\n")]
    [InlineData("en", "We may 19 2021\n\n")]
    [InlineData("en", "31 June 2021\n\n")]
    public void Dates_in_the_story_and_impossible_dates_are_no_dateline(string language, string text)
    {
        Assert.Null(Dateline.Find(text + Samples.English(1), language, Today));
    }

    [Fact]
    public void A_date_beyond_the_first_300_characters_is_not_a_dateline()
    {
        var text = new string('x', 298) + "\n\n19 July 2021\n\n";
        Assert.Equal(Dateline.Window, text.IndexOf("19 July", StringComparison.Ordinal));

        Assert.Null(Dateline.Find(text, "en", Today));
        Assert.Equal(PartialDate.OfDay(2021, 7, 19), Dateline.Find(text[1..], "en", Today));
    }

    [Fact]
    public void The_reader_takes_a_wire_dateline_as_the_latest_such_day()
    {
        var article = Read("Madrid, 19 jul (EFE).- " + Samples.Spanish());

        Assert.NotNull(article.PublishedOn);
        Assert.Equal((7, 19), (article.PublishedOn.Month, article.PublishedOn.Day));
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.InRange(article.PublishedOn.Start, today.AddYears(-1), today);
    }

    [Fact]
    public void The_reader_reads_a_Spanish_dateline_and_does_not_take_it_for_a_title()
    {
        var article = Read("Londres, 19 de julio de 2021\n\n" + Samples.Spanish());

        Assert.Equal(PartialDate.OfDay(2021, 7, 19), article.PublishedOn);
        Assert.Null(article.Title);
    }

    [Fact]
    public void A_headline_with_a_date_in_it_is_still_a_title()
    {
        var article = Read("Hackers hit Colonial Pipeline on May 7, 2021\n\n" + Samples.English());

        Assert.Equal("Hackers hit Colonial Pipeline on May 7, 2021", article.Title);
    }

    [Fact]
    public void Text_without_a_dateline_has_no_date()
    {
        Assert.Null(Read(Samples.English(3)).PublishedOn);
        Assert.Null(Read(Samples.Spanish(3)).PublishedOn);
    }

    private static ArticleText Read(string text) => ArticleReader.Read(Encoding.UTF8.GetBytes(text), "article.txt");
}
