using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AttributionTracker.Tests.Search;

/// <summary>The search index of the engine under test on a store made by the real migrations: what a search finds after the store changes.</summary>
public sealed class SearchIndexTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string ArticleText =
        "Gran Bretaña acusó a China. El NCSC dijo que era muy probable que el hafnio esté asociado con el estado chino. " +
        "El ataque al parlamento de Finlandia en 2020 también fue obra del MSS.";

    [Theory]
    [InlineData("hafnio")]
    [InlineData("HAFNIO")]
    [InlineData("Háfnio")]
    [InlineData("hafn")]
    [InlineData("silk typhoon")]
    [InlineData("g0125")]
    public async Task An_actor_is_found_by_any_alias_or_identifier_whatever_the_case_and_accents(string typed)
    {
        await using var store = await StoreWithWorldAsync();

        var results = await SearchAsync(store, typed);

        var actor = Assert.Single(results.Hits, h => h.Kind == SearchKind.Actor);
        Assert.Equal("hafnium", actor.Slug);
        Assert.Equal("HAFNIUM", actor.Title.PlainText);
        Assert.True(actor.Title.HasMatch || actor.Snippet.HasMatch, "the matched name is marked");
    }

    [Fact]
    public async Task An_actor_matched_by_its_name_and_several_aliases_is_one_hit_with_the_alias_marked()
    {
        await using var store = await StoreWithWorldAsync();

        var results = await SearchAsync(store, "hafnium hafnio");

        var actor = Assert.Single(results.Hits, h => h.Kind == SearchKind.Actor);
        Assert.Equal(1, results.Counts[SearchKind.Actor]);
        Assert.Contains(actor.Snippet.Runs, r => r.IsMatch && r.Text == "Hafnio");
        Assert.Contains(actor.Title.Runs, r => r.IsMatch && r.Text == "HAFNIUM");
    }

    [Fact]
    public async Task A_quote_and_an_article_are_found_by_an_unaccented_word_with_the_match_marked()
    {
        await using var store = await StoreWithWorldAsync();

        var results = await SearchAsync(store, "bretana");

        var statement = Assert.Single(results.Hits, h => h.Kind == SearchKind.Statement);
        Assert.Contains(statement.Snippet.Runs, r => r.IsMatch && r.Text == "Bretaña");
        var source = Assert.Single(results.Hits, h => h.Kind == SearchKind.Source);
        Assert.Contains(source.Snippet.Runs, r => r.IsMatch && r.Text == "Bretaña");
        Assert.Equal("Reino Unido acusa a China", source.Title.PlainText);
    }

    [Fact]
    public async Task An_incident_is_found_by_a_word_of_its_name_and_a_party_by_its_alias()
    {
        await using var store = await StoreWithWorldAsync();

        var finland = await SearchAsync(store, "finlandia");
        var ncsc = await SearchAsync(store, "centro nacional");

        Assert.Equal("ataque-al-parlamento-de-finlandia", finland.Hits[0].Slug);
        Assert.Equal(SearchKind.Incident, finland.Hits[0].Kind);
        var party = Assert.Single(ncsc.Hits, h => h.Kind == SearchKind.Party);
        Assert.Equal("National Cyber Security Centre", party.Title.PlainText);
        Assert.Contains(party.Snippet.Runs, r => r.IsMatch && r.Text == "Centro");
    }

    [Fact]
    public async Task A_name_match_outranks_the_same_word_in_quotes_and_deep_in_an_article()
    {
        await using var store = await StoreWithWorldAsync();
        await using (var db = store.NewContext())
        {
            // The word in an article's text, several times and far down, and in a quote: both below the actor's name.
            var text = string.Concat(Enumerable.Repeat("Un párrafo sin relación con el caso. ", 60)) + "Volt Typhoon, Volt Typhoon y otra vez Volt Typhoon.";
            var source = new Source { Title = "Informe anual", Language = "es", Text = text, TextSha256 = SourceText.Fingerprint(text) };
            var statement = new AttributionStatement { Kind = StatementKind.Attribution, Quote = "Según Microsoft, Volt Typhoon preparó el terreno.", Source = source };
            statement.Parties.Add(new StatementParty { PartyId = await db.Parties.Select(p => p.Id).FirstAsync(Ct) });
            db.Statements.Add(statement);
            db.Actors.Add(new Actor { Name = "Volt Typhoon", Slug = Slug.From("Volt Typhoon"), Kind = ActorKind.Group });
            await db.SaveChangesAsync(Ct);
        }

        var results = await SearchAsync(store, "volt typhoon");

        var kinds = results.Hits.Select(h => h.Kind).ToList();
        Assert.Equal(SearchKind.Actor, kinds[0]);
        Assert.Contains(SearchKind.Statement, kinds);
        Assert.Contains(SearchKind.Source, kinds);
    }

    [Fact]
    public async Task A_statement_is_found_through_the_actor_it_accuses_and_the_incident_it_is_about()
    {
        await using var store = await StoreWithWorldAsync();

        var byActor = await SearchAsync(store, "silk typhoon");
        var byIncident = await SearchAsync(store, "eduskunta");

        // The quote says neither; the statement is listed once, after the record that matched.
        Assert.Equal([SearchKind.Actor, SearchKind.Statement], byActor.Hits.Select(h => h.Kind));
        Assert.Equal([SearchKind.Incident, SearchKind.Statement], byIncident.Hits.Select(h => h.Kind));
        Assert.True(byActor.Hits[1].Snippet.IsEmpty);
    }

    [Fact]
    public async Task Renaming_an_actor_and_changing_its_aliases_changes_what_finds_it()
    {
        await using var store = await StoreWithWorldAsync();
        await using (var db = store.NewContext())
        {
            var hafnium = await db.Actors.Include(a => a.Aliases).SingleAsync(a => a.Name == "HAFNIUM", Ct);
            hafnium.Name = "Silk Typhoon";
            hafnium.Aliases.RemoveAll(a => a.Name == "Hafnio");
            hafnium.Aliases.Add(Alias("Tifón de seda"));
            await db.SaveChangesAsync(Ct);
        }

        Assert.DoesNotContain((await SearchAsync(store, "hafnium")).Hits, h => h.Kind == SearchKind.Actor);
        Assert.DoesNotContain((await SearchAsync(store, "hafnio")).Hits, h => h.Kind == SearchKind.Actor);
        Assert.Equal("Silk Typhoon", Assert.Single((await SearchAsync(store, "tifon")).Hits, h => h.Kind == SearchKind.Actor).Title.PlainText);
        Assert.Single((await SearchAsync(store, "silk")).Hits, h => h.Kind == SearchKind.Actor);
    }

    [Fact]
    public async Task Editing_a_quote_and_an_article_reindexes_them_and_deleting_removes_them()
    {
        await using var store = await StoreWithWorldAsync();
        await using (var db = store.NewContext())
        {
            var statement = await db.Statements.SingleAsync(Ct);
            statement.Quote = "China rechazó la acusación de espionaje.";
            var source = await db.Sources.SingleAsync(Ct);
            source.Title = "Pekín responde";
            await db.SaveChangesAsync(Ct);
        }

        Assert.DoesNotContain((await SearchAsync(store, "bretana")).Hits, h => h.Kind == SearchKind.Statement);
        Assert.Equal(SearchKind.Statement, Assert.Single((await SearchAsync(store, "espionaje")).Hits).Kind);
        Assert.Equal("Pekín responde", Assert.Single((await SearchAsync(store, "pekin")).Hits).Title.PlainText);

        await using (var db = store.NewContext())
        {
            db.Statements.Remove(await db.Statements.SingleAsync(Ct));
            await db.SaveChangesAsync(Ct);
            db.Sources.Remove(await db.Sources.SingleAsync(Ct));
            db.Incidents.Remove(await db.Incidents.SingleAsync(Ct));
            db.Actors.Remove(await db.Actors.SingleAsync(a => a.Name == "HAFNIUM", Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty((await SearchAsync(store, "espionaje")).Hits);
        Assert.Empty((await SearchAsync(store, "pekin")).Hits);
        Assert.Empty((await SearchAsync(store, "finlandia")).Hits);
        Assert.Empty((await SearchAsync(store, "hafnio")).Hits);
        await using (var db = store.NewContext())
        {
            if (TestDatabase.OnPostgres)
            {
                // The names index holds exactly what its triggers should have written (quotes and articles are generated columns).
                var stale = await db.Database.SqlQueryRaw<int>("""
                    SELECT count(*)::int AS "Value" FROM (
                        (SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNames"
                         EXCEPT SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNameRows")
                        UNION ALL
                        (SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNameRows"
                         EXCEPT SELECT "Kind", "Id", "Name", "AlsoKnownAs", "Identifiers", "Summary" FROM "SearchNames")) AS d
                    """).SingleAsync(Ct);
                Assert.Equal(0, stale);
            }
            else
            {
                // The index agrees with its content tables after every change (FTS5's own check).
                await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchStatements (SearchStatements) VALUES ('integrity-check')", Ct);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchSources (SearchSources) VALUES ('integrity-check')", Ct);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO SearchNames (SearchNames) VALUES ('integrity-check')", Ct);
            }
        }
    }

    [Fact]
    public async Task A_party_is_reindexed_when_renamed_and_an_incident_when_it_gains_an_alias()
    {
        await using var store = await StoreWithWorldAsync();
        await using (var db = store.NewContext())
        {
            var ncsc = await db.Parties.SingleAsync(p => p.Slug == Slug.From("National Cyber Security Centre"), Ct);
            ncsc.Name = "NCSC (GCHQ)";
            var incident = await db.Incidents.Include(i => i.Aliases).SingleAsync(Ct);
            incident.Aliases.Add(new IncidentAlias { Name = "Eduskunta hack", Key = TextFolding.Key("Eduskunta hack") });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal("NCSC (GCHQ)", Assert.Single((await SearchAsync(store, "gchq")).Hits).Title.PlainText);
        var eduskunta = await SearchAsync(store, "eduskunta");
        Assert.Equal((SearchKind.Incident, "ataque-al-parlamento-de-finlandia"), (eduskunta.Hits[0].Kind, eduskunta.Hits[0].Slug));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(hafnio china, 5)")]
    [InlineData("'; DROP TABLE Actors; --")]
    [InlineData("AND OR")]
    [InlineData("hafnio OR")]
    [InlineData("\"hafnio")]
    [InlineData("Name:hafnio")]
    [InlineData("")]
    [InlineData("\uE000hafnio\uE001")]
    public async Task Query_syntax_and_SQL_in_the_text_are_only_words(string typed)
    {
        await using var store = await StoreWithWorldAsync();

        var results = await SearchAsync(store, typed);

        await using var db = store.NewContext();
        Assert.True(await db.Actors.AnyAsync(Ct), "the store is intact");
        // Every hit shows the word it matched, but a statement found through the actor it accuses.
        Assert.All(results.Hits.Where(h => h.Kind != SearchKind.Statement), h => Assert.True(h.Title.HasMatch || h.Snippet.HasMatch));
    }

    [Fact]
    public async Task A_thousand_character_query_is_answered()
    {
        await using var store = await StoreWithWorldAsync();

        var results = await SearchAsync(store, "hafnio " + new string('x', 993));

        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task As_of_a_day_before_they_were_public_a_statement_and_its_article_are_not_found()
    {
        await using var store = await StoreWithWorldAsync();
        await using var db = store.NewContext();
        var index = TestStore.SearchIndex(db);

        var before = await index.SearchAsync(new SearchRequest("finlandia", AsOf: new DateOnly(2021, 7, 18)), Ct);
        var on = await index.SearchAsync(new SearchRequest("finlandia", AsOf: new DateOnly(2021, 7, 19)), Ct);

        Assert.Equal([SearchKind.Incident], before.Hits.Select(h => h.Kind));
        Assert.Equal(1, before.Total);
        Assert.Equal([SearchKind.Incident, SearchKind.Statement, SearchKind.Source], on.Counts.Keys.Order());
    }

    [Fact]
    public async Task Hits_come_a_page_at_a_time_with_counts_of_every_kind()
    {
        await using var store = await StoreWithWorldAsync();
        await using var db = store.NewContext();
        var index = TestStore.SearchIndex(db);

        var all = await index.SearchAsync(new SearchRequest("china"), Ct);
        var second = await index.SearchAsync(new SearchRequest("china", Skip: 1, Take: 1), Ct);
        var sources = await index.SearchAsync(new SearchRequest("china", Kind: SearchKind.Source), Ct);

        Assert.Equal(2, all.Total);
        var hit = Assert.Single(second.Hits);
        Assert.Equal((all.Hits[1].Kind, all.Hits[1].Id), (hit.Kind, hit.Id));
        Assert.Equal(all.Counts, second.Counts);
        Assert.All(sources.Hits, h => Assert.Equal(SearchKind.Source, h.Kind));
        Assert.Equal(all.Counts, sources.Counts);
    }

    [Fact]
    public async Task The_migration_indexes_what_was_stored_before_it()
    {
        await using var store = await TestStore.CreateEmptyAsync();
        await using (var db = store.NewContext())
        {
            // Rows written with today's model, then the schema taken back to before search existed (the rows stay),
            // so the way up runs SiteSearch over a store that already holds records.
            await db.Database.MigrateAsync(Ct);
            AddWorld(db);
            await db.SaveChangesAsync(Ct);
            await db.GetService<IMigrator>().MigrateAsync("InitialModel", Ct);
        }

        await using (var db = store.NewContext())
        {
            await db.Database.MigrateAsync(Ct);
            var index = TestStore.SearchIndex(db);

            Assert.Equal("hafnium", Assert.Single((await index.SearchAsync(new SearchRequest("g0125"), Ct)).Hits, h => h.Kind == SearchKind.Actor).Slug);
            Assert.Equal(SearchKind.Party, Assert.Single((await index.SearchAsync(new SearchRequest("centro nacional"), Ct)).Hits).Kind);
            Assert.Equal(
                [SearchKind.Incident, SearchKind.Statement, SearchKind.Source],
                (await index.SearchAsync(new SearchRequest("finlandia"), Ct)).Hits.Select(h => h.Kind).Order());
            Assert.Contains((await index.SearchAsync(new SearchRequest("bretana"), Ct)).Hits, h => h.Kind == SearchKind.Statement);
        }
    }

    private static async Task<SearchResults> SearchAsync(TestStore store, string typed)
    {
        await using var db = store.NewContext();
        return await TestStore.SearchIndex(db).SearchAsync(new SearchRequest(typed), Ct);
    }

    private static async Task<TestStore> StoreWithWorldAsync()
    {
        var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        AddWorld(db);
        await db.SaveChangesAsync(Ct);
        return store;
    }

    private static void AddWorld(AttributionDbContext db)
    {
        var hafnium = new Actor { Name = "HAFNIUM", Slug = Slug.From("HAFNIUM"), Kind = ActorKind.Group };
        hafnium.Aliases.AddRange([Alias("Hafnio", "es"), Alias("Silk Typhoon")]);
        hafnium.ExternalIds.Add(new ActorExternalId { System = ExternalIdSystems.MitreAttack, Value = "G0125" });
        db.Actors.AddRange(hafnium, new Actor { Name = "APT31", Slug = Slug.From("APT31"), Kind = ActorKind.Group });

        var ncsc = new Party { Name = "National Cyber Security Centre", Slug = Slug.From("National Cyber Security Centre"), Kind = PartyKind.Agency };
        ncsc.Aliases.Add(new PartyAlias { Name = "Centro Nacional de Seguridad Cibernética", Key = TextFolding.Key("Centro Nacional de Seguridad Cibernética"), Language = "es" });
        var finland = new Incident { Name = "Ataque al parlamento de Finlandia", Slug = Slug.From("Ataque al parlamento de Finlandia"), Summary = "Intrusión en el Eduskunta." };
        var source = new Source
        {
            Title = "Reino Unido acusa a China",
            Language = "es",
            Text = ArticleText,
            TextSha256 = SourceText.Fingerprint(ArticleText),
            PublishedOn = PartialDate.OfDay(2021, 7, 19),
        };
        var statement = new AttributionStatement
        {
            Kind = StatementKind.Attribution,
            AccusedActor = hafnium,
            Incident = finland,
            Quote = ArticleText[..27],
            Source = source,
            SpanStart = 0,
            SpanEnd = 27,
            Date = PartialDate.OfDay(2021, 7, 19),
        };
        statement.Parties.Add(new StatementParty { Party = ncsc });
        db.Statements.Add(statement);
    }

    private static ActorAlias Alias(string name, string? language = null) =>
        new() { Name = name, Key = TextFolding.Key(name), Language = language, Origin = "test" };
}
