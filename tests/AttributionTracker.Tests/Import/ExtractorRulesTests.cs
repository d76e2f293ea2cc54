using AttributionTracker.Domain;
using AttributionTracker.Import;

namespace AttributionTracker.Tests.Import;

/// <summary>The statement rules on short passages of both languages, none taken from the seed article.</summary>
public sealed class ExtractorRulesTests
{
    private static readonly PartialDate Published = PartialDate.Parse("2018-02-15");

    private static Extraction En(string text) => Extractor.Extract(text, "en", published: Published);

    private static Extraction Es(string text) => Extractor.Extract(text, "es", published: Published);

    [Fact]
    public void A_company_that_names_a_group_but_not_a_state_accuses_only_the_group()
    {
        var x = En("Microsoft said the intrusions were carried out by a group it calls Nobelium. The company did not say whether the Russian state was behind the campaign.");

        var statement = Assert.Single(x.Statements);
        Assert.Equal("Microsoft", Party(x, statement).Name);
        Assert.Equal("APT29", Actor(x, statement)!.Name);
        Assert.Null(statement.State);
    }

    [Theory]
    [InlineData("Officials could not rule out that Russia was behind the attack on the ministry.")]
    [InlineData("The Dutch government declined to say whether China was behind the breach.")]
    [InlineData("El Gobierno no descartó que Rusia estuviera detrás del ataque contra el ministerio.")]
    [InlineData("La Fiscalía evitó señalar a Rusia como responsable del ataque.")]
    public void Hedges_and_refusals_to_name_are_not_attributions(string text)
    {
        var x = text.Contains(" the ", StringComparison.Ordinal) ? En(text) : Es(text);

        Assert.DoesNotContain(x.Statements, s => s.Kind == "attribution");
    }

    [Fact]
    public void A_joint_accusation_gives_each_accuser_its_own_attribution()
    {
        var x = En("Britain joined the United States, Australia and other allies in accusing Russia of the NotPetya cyber-attack.");

        Assert.Equal(["AU", "GB", "US"], x.Statements.Select(s => Party(x, s).State).Order());
        Assert.All(x.Statements, s => Assert.Equal("RU", s.State));
        Assert.All(x.Statements, s => Assert.Contains("NotPetya", x.Incidents.Single(i => i.Id == s.Incident).Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The National Cyber Security Centre said it was highly likely that APT28 was behind the attack on the Bundestag.", "highly-likely", "highly likely")]
    [InlineData("The National Cyber Security Centre said the GRU was almost certainly responsible for the attack.", "almost-certain", "almost certainly")]
    [InlineData("El Centro Nacional de Ciberseguridad considera «con alta confianza» que el GRU estuvo detrás del ataque.", "highly-likely", "alta confianza")]
    [InlineData("Según el NCSC, es probable que Sandworm esté detrás del ataque contra la red eléctrica.", "likely", "probable")]
    public void Confidence_wording_maps_to_the_yardstick_and_is_kept(string text, string term, string wording)
    {
        var x = text.Contains(" the ", StringComparison.Ordinal) ? En(text) : Es(text);

        var statement = Assert.Single(x.Statements);
        Assert.Equal(term, statement.Confidence);
        Assert.Equal(wording, statement.ConfidenceText);
        Assert.Equal("GB", Party(x, statement).State);
    }

    [Fact]
    public void Someone_described_as_accused_is_not_the_accuser()
    {
        var x = Es("A China no le gusta que la comparen con Rusia, otro país acusado de dirigir grupos de piratería.");

        Assert.Empty(x.Statements);
    }

    [Fact]
    public void A_denial_answers_the_accusation_against_the_denier_and_takes_its_incident()
    {
        var x = En("The United States on Thursday blamed North Korea for the WannaCry ransomware attack. The Foreign Office said on Friday that the Lazarus Group was behind the 2016 theft from Bangladesh's central bank. North Korea's foreign ministry spokesperson rejected the accusations as groundless.");

        var denial = Assert.Single(x.Statements, s => s.Kind == "denial");
        Assert.Equal("KP", Party(x, denial).State);
        var answered = x.Statements.Single(s => s.Id == Assert.Single(denial.Answers));
        Assert.Equal(answered.Incident, denial.Incident);
        Assert.Equal("attribution", answered.Kind);
    }

    [Fact]
    public void Parties_that_follow_suit_adopt_the_attribution_just_made()
    {
        var x = En("The White House said Russia was responsible for the NotPetya attack. Canada, Denmark and New Zealand issued statements backing the assessment.");

        Assert.Equal(["CA", "DK", "NZ", "US"], x.Statements.Select(s => Party(x, s).State).Order());
        Assert.All(x.Statements, s => Assert.Equal("RU", s.State));
    }

    [Fact]
    public void Relative_dates_resolve_against_the_article_date()
    {
        var x = Es("El año pasado, Microsoft acusó a hackers de Irán de atacar la campaña electoral de Estados Unidos.");

        var statement = Assert.Single(x.Statements);
        Assert.Equal("2017", statement.Date);
        Assert.Equal("IR", statement.State);
    }

    [Fact]
    public void A_group_the_gazetteer_does_not_know_is_taken_from_how_the_article_introduces_it()
    {
        var x = En("The FBI said the ransomware gang Nightjar Crew was responsible for the attack on the pipeline operator. It hit the advertising group WPP too. Nightjar Crew denied nothing.");

        var actor = Assert.Single(x.Actors);
        Assert.Equal("Nightjar Crew", actor.Name);
        Assert.Equal(2, actor.Mentions.Count);
        var statement = Assert.Single(x.Statements);
        Assert.Equal(actor.Id, statement.Actor);
        Assert.Equal("US", Party(x, statement).State);
    }

    private static ExtractedParty Party(Extraction x, ExtractedStatement s) => x.Parties.Single(p => p.Id == s.Party);

    private static ExtractedActor? Actor(Extraction x, ExtractedStatement s) => x.Actors.SingleOrDefault(a => a.Id == s.Actor);
}
