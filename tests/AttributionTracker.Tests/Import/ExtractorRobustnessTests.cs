using System.Text;
using AttributionTracker.Import;

namespace AttributionTracker.Tests.Import;

/// <summary>Whatever the text, the extractor returns records whose spans lie inside it, and never throws.</summary>
public sealed class ExtractorRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "China", "chinos", "Pekín", "the Kremlin", "Microsoft", "HAFNIUM", "APT28", "GRU", "NCSC", "acusó a", "accused", "was behind",
        "negó", "denied", "muy probable", "almost certainly", "el lunes", "last year", "2020", "250.000", "«", "»", "“", "”", "\"", "'",
        ".", ",", ";", ":", "(", ")", "\n", "\n\n", "EE. UU.", "U.S.", "a principios de", "ataque", "attack on", "group it calls", "que",
        "which", "pero no dijo si", "could not rule out", "la firma de", "followed suit", "Sr.", "…", "¿", "?", "—", "'s", "-", " ", "  ",
    ];

    [Theory]
    [InlineData("en", 1)]
    [InlineData("es", 2)]
    [InlineData("en", 3)]
    [InlineData("es", 4)]
    public void Random_mixtures_of_names_cues_and_punctuation_give_valid_spans(string language, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 120);
            for (var i = 0; i < length; i++)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]).Append(random.Next(4) == 0 ? "" : " ");
            }

            var source = text.ToString();
            var x = Extractor.Extract(source, language);

            Assert.All(x.Statements, s => Assert.Equal(s.Quote, source[s.Start..s.End]));
            Assert.All(x.Actors.SelectMany(a => a.Mentions).Concat(x.Parties.SelectMany(p => p.Mentions)).Concat(x.Incidents.SelectMany(i => i.Mentions)),
                m => Assert.InRange(m[0], 0, Math.Max(0, m[1] - 1)));
            Assert.All(x.Statements, s => Assert.Contains(x.Parties, p => p.Id == s.Party));
            Assert.All(x.Statements.SelectMany(s => s.Answers), id => Assert.Contains(x.Statements, s => s.Id == id));
        }
    }

    [Fact]
    public void Text_without_letters_or_with_one_huge_word_gives_nothing()
    {
        Assert.Empty(Extractor.Extract(new string('.', 100_000), "en").Statements);
        Assert.Empty(Extractor.Extract(new string('a', 100_000), "es").Statements);
        Assert.Empty(Extractor.Extract(string.Concat(Enumerable.Repeat("«", 50_000)), "es").Statements);
    }

    // Found by ExtractorFuzzTests (a mutated en_01 article; shrunk to its one sentence): each clause of the quote holds
    // a denial cue, and each made the same denial, so Russia's one denial was stored and counted twice.
    [Fact]
    public void A_sentence_denying_twice_in_two_clauses_is_one_denial()
    {
        const string text = "\"We categorically deny such accusations; we consider them unsubstantiated and groundless,\" Dmitry Peskov, "
            + "President Vladimir Putin's spokesman, told reporters in Moscow.";

        var denial = Assert.Single(Extractor.Extract(text, "en").Statements);

        Assert.Equal("denial", denial.Kind);
        Assert.Equal(text, denial.Quote);
    }
}
