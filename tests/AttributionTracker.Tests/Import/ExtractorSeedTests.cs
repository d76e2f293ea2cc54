using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;

namespace AttributionTracker.Tests.Import;

/// <summary>The seed article against the facts the user expects from it (seeds/000_040f3916e77781f6.expected.json).</summary>
public sealed class ExtractorSeedTests
{
    private static readonly Lazy<(ArticleText Article, Extraction Extraction)> Seed = new(() =>
    {
        var article = ArticleReader.ReadFile(RepositoryFiles.SeedArticle, new ArticleReadOptions { PublishedOn = PartialDate.Parse("2021-07-19") });
        return (article, Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn));
    });

    private static Extraction X => Seed.Value.Extraction;

    [Fact]
    public void Finds_every_expected_fact_and_no_attribution_the_article_does_not_make()
    {
        var expected = ExpectedFacts.Load(RepositoryFiles.Path("seeds", "000_040f3916e77781f6.expected.json"));

        var score = expected.ScoreOf(X);

        Assert.True(score.Missed.Count == 0 && score.Spurious.Count == 0, score.ToString());
        Assert.Equal("es", X.Language);
    }

    [Fact]
    public void Microsoft_names_Hafnium_for_the_Exchange_hack_and_the_NCSC_says_highly_likely()
    {
        var hafnium = Assert.Single(X.Actors, a => a.Name == "HAFNIUM");
        Assert.Contains("Hafnio", hafnium.Aliases);
        var microsoft = Assert.Single(X.Parties, p => p.Name == "Microsoft");
        Assert.Contains(X.Statements, s => s.Party == microsoft.Id && s.Actor == hafnium.Id && Incident(s)!.Name.Contains("Exchange", StringComparison.Ordinal));

        var ncsc = Assert.Single(X.Statements, s => Party(s).State == "GB" && Party(s).Kind == "agency" && s.Actor == hafnium.Id);
        Assert.Equal("highly-likely", ncsc.Confidence);
        Assert.Equal("muy probable", ncsc.ConfidenceText);
        Assert.Equal("CN", ncsc.State);
    }

    [Fact]
    public void The_joint_accusation_gives_one_attribution_to_each_accuser()
    {
        var joint = X.Statements.Where(s => s.Start == 0 && s.Kind == "attribution").ToList();

        Assert.Equal(["GB", "US"], joint.Select(s => Party(s).State).Order());
        Assert.All(joint, s => Assert.Equal("CN", s.State));
        Assert.All(joint, s => Assert.Null(s.Actor));
    }

    [Fact]
    public void Microsoft_is_not_said_to_name_the_Chinese_state_where_it_said_it_did_not()
    {
        var sentence = X.Statements.Where(s => s.Quote.Contains("no dijo si creía", StringComparison.Ordinal)).ToList();

        var statement = Assert.Single(sentence);
        Assert.Equal("Microsoft", Party(statement).Name);
        Assert.NotNull(statement.Actor);
    }

    [Fact]
    public void Chinas_denial_answers_Microsofts_election_accusation()
    {
        var denial = Assert.Single(X.Statements, s => s.Kind == "denial");
        Assert.Equal("CN", Party(denial).State);

        var answered = X.Statements.Single(s => s.Id == Assert.Single(denial.Answers));
        Assert.Equal("Microsoft", Party(answered).Name);
        Assert.Contains("campañas electorales", Incident(answered)!.Name, StringComparison.Ordinal);
        Assert.Equal("2020", answered.Date);
        Assert.Equal(answered.Incident, denial.Incident);
    }

    [Fact]
    public void The_Finnish_parliament_attack_is_almost_certain_and_dated_2020()
    {
        var finland = Assert.Single(X.Incidents, i => i.Name.Contains("Finlandia", StringComparison.Ordinal));
        Assert.Equal("2020", finland.Date);
        Assert.Contains("FI", finland.Victims);

        var judgement = Assert.Single(X.Statements, s => s.Incident == finland.Id && s.Confidence is not null);
        Assert.Equal("almost-certain", judgement.Confidence);
        Assert.Equal("casi seguro", judgement.ConfidenceText);
        Assert.Equal("Ministry of State Security", X.Actors.Single(a => a.Id == judgement.Actor).Name);
    }

    [Fact]
    public void Every_span_points_at_the_text_it_stands_for()
    {
        var text = Seed.Value.Article.Text;

        Assert.All(X.Statements, s => Assert.Equal(s.Quote, text[s.Start..s.End]));
        Assert.All(X.Actors.SelectMany(a => a.Mentions.Select(m => (a, m))), x =>
            Assert.Contains(text[x.m[0]..x.m[1]], x.a.Aliases.Append(x.a.Name), StringComparer.OrdinalIgnoreCase));
        var exchange = X.Incidents.Single(i => i.Name.Contains("Exchange", StringComparison.Ordinal));
        Assert.Equal("early 2021", exchange.Date);
        Assert.Equal("unos 250.000 servidores", exchange.Scale);
    }

    private static ExtractedParty Party(ExtractedStatement s) => X.Parties.Single(p => p.Id == s.Party);

    private static ExtractedIncident? Incident(ExtractedStatement s) => X.Incidents.SingleOrDefault(i => i.Id == s.Incident);
}
