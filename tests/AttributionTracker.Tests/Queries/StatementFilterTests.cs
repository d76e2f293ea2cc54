using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Queries;

/// <summary>Each dimension of <see cref="StatementFilter"/> on a small store whose statements are named by their quotes.</summary>
public sealed class StatementFilterTests : IAsyncLifetime
{
    private TestStore store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        db.ChangedBy = "test";
        db.States.AddRange(State("GB"), State("US"), State("CN"), State("RU"));
        var ncsc = Party("National Cyber Security Centre", PartyKind.Agency, "GB");
        var uk = Party("United Kingdom", PartyKind.Government, "GB");
        var usa = Party("United States", PartyKind.Government, "US");
        var microsoft = Party("Microsoft", PartyKind.Company, null);
        var spokesperson = Party("Spokesperson of China's foreign ministry", PartyKind.Official, "CN");
        var hafnium = Actor("HAFNIUM", "Hafnio", "Silk Typhoon");
        var apt28 = Actor("APT28", "Fancy Bear");
        var exchange = Incident("Explotación de servidores Microsoft Exchange");
        var finland = Incident("Ataque al parlamento de Finlandia");
        var bundestag = Incident("Bundestag hack");
        var source = new Source { Title = "Archive", Language = "en", Text = "text", TextSha256 = SourceText.Fingerprint("text"), PublishedOn = PartialDate.OfYear(2018) };

        db.Statements.AddRange(
            Statement("ncsc-hafnium", ncsc, StatementKind.Attribution, exchange, hafnium, "CN", ConfidenceLevel.HighlyLikely, PartialDate.OfDay(2021, 7, 19), "Es muy probable que HAFNIUM, 50 servidores"),
            Statement("microsoft-hafnium", microsoft, StatementKind.Attribution, exchange, hafnium, null, null, PartialDate.OfDay(2021, 3, 2)),
            Statement("uk-finland", uk, StatementKind.Attribution, finland, null, "CN", ConfidenceLevel.AlmostCertain, PartialDate.OfDay(2021, 7, 19)),
            Statement("us-bundestag", usa, StatementKind.Attribution, bundestag, apt28, "RU", ConfidenceLevel.Likely, PartialDate.OfYear(2016)),
            Statement("china-denies", spokesperson, StatementKind.Denial, exchange, null, null, null, PartialDate.OfDay(2021, 7, 20)),
            Statement("ncsc-bundestag-undated", ncsc, StatementKind.Attribution, bundestag, null, "RU", ConfidenceLevel.AlmostCertain, null, source: source));
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task No_filter_keeps_every_statement()
    {
        Assert.True(StatementFilter.None.IsEmpty);
        Assert.Equal(6, (await Matching(StatementFilter.None)).Count);
    }

    [Fact]
    public async Task The_accused_state_is_the_one_the_statement_names_not_the_actors_sponsor()
    {
        Assert.Equal(["ncsc-hafnium", "uk-finland"], await Matching(new StatementFilter { AccusedState = CountryCode.Parse("CN") }));
    }

    [Theory]
    [InlineData("HAFNIUM")]
    [InlineData("hafnium")]
    [InlineData("Háfnio")]
    [InlineData("silk  typhoon")]
    public async Task An_actor_is_found_by_its_name_or_any_alias_ignoring_case_and_accents(string actor)
    {
        Assert.Equal(["microsoft-hafnium", "ncsc-hafnium"], await Matching(new StatementFilter { Actor = actor }));
    }

    [Fact]
    public async Task An_actor_name_must_match_whole_so_APT_does_not_find_APT28()
    {
        Assert.Empty(await Matching(new StatementFilter { Actor = "APT" }));
        Assert.Equal(["us-bundestag"], await Matching(new StatementFilter { Actor = "fancy bear" }));
    }

    [Fact]
    public async Task The_accusing_party_is_any_party_of_the_statement()
    {
        Assert.Equal(["ncsc-bundestag-undated", "ncsc-hafnium"], await Matching(new StatementFilter { AccusingParty = Slug.From("National Cyber Security Centre") }));
    }

    [Fact]
    public async Task The_accusing_state_is_the_state_a_party_speaks_for_and_a_company_speaks_for_none()
    {
        Assert.Equal(["ncsc-bundestag-undated", "ncsc-hafnium", "uk-finland"], await Matching(new StatementFilter { AccusingState = CountryCode.Parse("GB") }));
        Assert.Equal(["us-bundestag"], await Matching(new StatementFilter { AccusingState = CountryCode.Parse("US") }));
    }

    [Fact]
    public async Task The_year_is_the_year_of_the_statement_and_leaves_undated_ones_out()
    {
        Assert.Equal(["china-denies", "microsoft-hafnium", "ncsc-hafnium", "uk-finland"], await Matching(new StatementFilter { Year = 2021 }));
        Assert.Equal(["us-bundestag"], await Matching(new StatementFilter { Year = 2016 }));
        Assert.Empty(await Matching(new StatementFilter { Year = 2018 }));
    }

    [Fact]
    public async Task Confidence_at_least_takes_higher_levels_and_exactly_only_that_one()
    {
        Assert.Equal(["ncsc-bundestag-undated", "ncsc-hafnium", "uk-finland"], await Matching(new StatementFilter { Confidence = ConfidenceLevel.HighlyLikely }));
        Assert.Equal(["ncsc-hafnium"], await Matching(new StatementFilter { Confidence = ConfidenceLevel.HighlyLikely, ConfidenceMode = ConfidenceMode.Exactly }));
    }

    [Fact]
    public async Task The_kind_keeps_only_denials_or_only_attributions()
    {
        Assert.Equal(["china-denies"], await Matching(new StatementFilter { Kind = StatementKind.Denial }));
        Assert.Equal(5, (await Matching(new StatementFilter { Kind = StatementKind.Attribution })).Count);
    }

    [Theory]
    [InlineData("finlandia", new[] { "uk-finland" })]
    [InlineData("Parlamento de Finlandia", new[] { "uk-finland" })]
    [InlineData("explotacion", new[] { "china-denies", "microsoft-hafnium", "ncsc-hafnium" })]
    [InlineData("muy probable", new[] { "ncsc-hafnium" })]
    [InlineData("50 servidores", new[] { "ncsc-hafnium" })]
    [InlineData("50%", new string[0])]
    [InlineData("_", new string[0])]
    public async Task Text_is_looked_for_in_the_incident_name_ignoring_accents_and_in_the_quote(string text, string[] expected)
    {
        Assert.Equal(expected, await Matching(new StatementFilter { Text = text }));
    }

    [Fact]
    public async Task As_of_a_day_only_what_was_public_by_then_counts()
    {
        Assert.DoesNotContain("china-denies", await Matching(new StatementFilter { AsOf = new DateOnly(2021, 7, 19) }));
        Assert.Equal(["us-bundestag"], await Matching(new StatementFilter { AsOf = new DateOnly(2017, 1, 1) }));
    }

    [Fact]
    public async Task Dimensions_combine_so_every_one_must_hold()
    {
        var filter = new StatementFilter
        {
            AccusedState = CountryCode.Parse("CN"),
            AccusingState = CountryCode.Parse("GB"),
            Confidence = ConfidenceLevel.AlmostCertain,
            Kind = StatementKind.Attribution,
            Year = 2021,
        };

        Assert.Equal(["uk-finland"], await Matching(filter));
    }

    [Fact]
    public void A_filter_read_back_from_its_own_query_values_is_the_same_filter()
    {
        var filter = new StatementFilter
        {
            AccusedState = CountryCode.Parse("CN"),
            Actor = "Hafnio",
            AccusingState = CountryCode.Parse("GB"),
            AccusingParty = Slug.From("NCSC"),
            Year = 2021,
            Confidence = ConfidenceLevel.HighlyLikely,
            ConfidenceMode = ConfidenceMode.Exactly,
            Kind = StatementKind.Denial,
            Text = "parlamento",
            AsOf = new DateOnly(2021, 7, 19),
        };
        var query = filter.ToQuery().ToDictionary();

        var parsed = StatementFilterQuery.Parse(query.GetValueOrDefault, filter.AsOf);

        Assert.Empty(parsed.Errors);
        Assert.Equal(filter, parsed.Filter);
        Assert.Equal("highly-likely", query["conf"]);
        Assert.Equal("denial", query["kind"]);
    }

    [Theory]
    [InlineData("accused", "China")]
    [InlineData("accuser", "G")]
    [InlineData("year", "99999")]
    [InlineData("year", "21st")]
    [InlineData("conf", "12")]
    [InlineData("conf", "sure")]
    [InlineData("confmode", "most")]
    [InlineData("kind", "rumour")]
    [InlineData("kind", "1")]
    [InlineData("by", "Not a slug!")]
    public void A_value_that_cannot_be_read_is_reported_by_name_and_left_out(string name, string value)
    {
        var parsed = StatementFilterQuery.Parse(n => n == name ? value : null, asOf: null);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal(name, error.Name);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.True(parsed.Filter.IsEmpty);
    }

    [Fact]
    public async Task Well_formed_codes_and_slugs_that_name_nothing_are_reported()
    {
        await using var db = store.NewContext();
        var filter = new StatementFilter { AccusedState = CountryCode.Parse("ZZ"), AccusingState = CountryCode.Parse("GB"), AccusingParty = Slug.From("nobody") };

        var errors = await filter.FindUnknownAsync(db, Ct);

        Assert.Equal(["accused", "by"], errors.Select(e => e.Name));
    }

    private async Task<List<string>> Matching(StatementFilter filter)
    {
        await using var db = store.NewContext();
        return await filter.Apply(db.Statements.AsNoTracking()).Select(s => s.Notes!).OrderBy(n => n).ToListAsync(Ct);
    }

    private static State State(string code) => new() { Code = CountryCode.Parse(code), NameEn = code, NameEs = code };

    private static Party Party(string name, PartyKind kind, string? state) =>
        new() { Name = name, Slug = Slug.From(name), Kind = kind, StateCode = state is null ? null : CountryCode.Parse(state) };

    private static Actor Actor(string name, params string[] aliases)
    {
        var actor = new Actor { Name = name, Slug = Slug.From(name), Kind = ActorKind.Group };
        actor.Aliases.AddRange(aliases.Select(a => new ActorAlias { Name = a, Key = TextFolding.Key(a), Origin = "test" }));
        return actor;
    }

    private static Incident Incident(string name) => new() { Name = name, Slug = Slug.From(name) };

    // The statement's name goes in its notes, so a test can say which statements matched.
    private static AttributionStatement Statement(
        string name, Party party, StatementKind kind, Incident incident, Actor? actor, string? accusedState,
        ConfidenceLevel? confidence, PartialDate? date, string? quote = null, Source? source = null)
    {
        var statement = new AttributionStatement
        {
            Notes = name,
            Kind = kind,
            Incident = incident,
            AccusedActor = actor,
            AccusedStateCode = accusedState is null ? null : CountryCode.Parse(accusedState),
            Confidence = new Confidence(confidence, null),
            Date = date,
            Quote = quote ?? name,
            Source = source,
        };
        statement.Parties.Add(new StatementParty { Party = party });
        return statement;
    }
}
