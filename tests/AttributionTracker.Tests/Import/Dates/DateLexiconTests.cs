using AttributionTracker.Import.Dates;

namespace AttributionTracker.Tests.Import.Dates;

/// <summary>dates.json names every month, weekday and number word each language needs.</summary>
public sealed class DateLexiconTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void Every_language_names_all_months_weekdays_and_numbers_to_twelve(string language)
    {
        var lexicon = DateLexicon.For(language);
        var months = lexicon.Month.Where((month, id) => month > 0 && !lexicon.MonthIsAbbreviation[id]).ToHashSet();
        var weekdays = lexicon.Weekday.Where(day => day >= 0).ToHashSet();
        var numbers = lexicon.Number.Where(n => n > 0).ToHashSet();

        Assert.Equal(Enumerable.Range(1, 12), months.Order());
        Assert.Equal(Enumerable.Range(0, 7), weekdays.Order());
        Assert.Superset(Enumerable.Range(1, 12).ToHashSet(), numbers);
    }

    [Theory]
    [InlineData("en", "one two three four five six seven eight nine ten eleven twelve")]
    [InlineData("es", "uno dos tres cuatro cinco seis siete ocho nueve diez once doce")]
    public void Number_words_count_from_one_to_twelve(string language, string words)
    {
        var texts = words.Split(' ').Select(w => language == "en" ? $"{w} years ago" : $"hace {w} años");

        var years = texts.Select(text => Assert.Single(DateFinding.Find(text, language)).Date.Year);

        Assert.Equal(Enumerable.Range(1, 12).Select(n => 2021 - n), years);
    }
}
