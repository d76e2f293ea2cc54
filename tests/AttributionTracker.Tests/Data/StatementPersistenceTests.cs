using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data;

public sealed class StatementPersistenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_joint_attribution_and_the_denial_that_answers_it_are_stored_with_their_provenance()
    {
        await using var store = await TestStore.CreateAsync();
        int attributionId;
        int denialId;
        await using (var db = store.NewContext())
        {
            db.ChangedBy = "test";
            var (gb, us, cn) = (State("GB", "United Kingdom", "Reino Unido"), State("US", "United States", "Estados Unidos"), State("CN", "China", "China"));
            db.States.AddRange(gb, us, cn);
            var uk = new Party { Name = "United Kingdom", Slug = Slug.From("United Kingdom"), Kind = PartyKind.Government, StateCode = gb.Code };
            var usa = new Party { Name = "United States", Slug = Slug.From("United States"), Kind = PartyKind.Government, StateCode = us.Code };
            var china = new Party { Name = "China", Slug = Slug.From("China"), Kind = PartyKind.Government, StateCode = cn.Code };
            var hafnium = new Actor { Name = "HAFNIUM", Slug = Slug.From("HAFNIUM"), Kind = ActorKind.Group, SponsorStateCode = cn.Code };
            hafnium.Aliases.Add(new ActorAlias { Name = "Hafnio", Key = TextFolding.Key("Hafnio"), Language = "es", Origin = "test" });
            var exchange = new Incident { Name = "Microsoft Exchange Server compromise", Slug = Slug.From("Microsoft Exchange Server compromise"), Type = IncidentType.Espionage, StartDate = PartialDate.OfMonth(2021, 3).Part(DatePart.Early), Scale = "unos 250.000 servidores" };
            const string text = "Gran Bretaña se ha unido a Estados Unidos para acusar a China. China negó las acusaciones.";
            var source = new Source { Title = "Seed", Language = "es", Text = text, TextSha256 = SourceText.Fingerprint(text), PublishedOn = PartialDate.OfDay(2021, 7, 19) };
            var attribution = new AttributionStatement
            {
                Kind = StatementKind.Attribution,
                Incident = exchange,
                AccusedActor = hafnium,
                AccusedStateCode = cn.Code,
                Confidence = new Confidence(ConfidenceLevel.HighlyLikely, "muy probable"),
                Date = PartialDate.OfDay(2021, 7, 19),
                Quote = text[..57],
                QuoteLanguage = "es",
                Source = source,
                SpanStart = 0,
                SpanEnd = 57,
            };
            attribution.Parties.Add(new StatementParty { Party = uk, Position = 0 });
            attribution.Parties.Add(new StatementParty { Party = usa, Position = 1 });
            var denial = new AttributionStatement { Kind = StatementKind.Denial, Incident = exchange, Source = source, SpanStart = 58, SpanEnd = text.Length, Quote = text[58..] };
            denial.Parties.Add(new StatementParty { Party = china });
            denial.Answers.Add(new StatementAnswer { AnsweredStatement = attribution });
            db.Statements.AddRange(attribution, denial);
            await db.SaveChangesAsync(Ct);
            (attributionId, denialId) = (attribution.Id, denial.Id);
        }

        await using (var db = store.NewContext())
        {
            var stored = await db.Statements
                .Include(s => s.Parties).ThenInclude(p => p.Party)
                .Include(s => s.AccusedActor).ThenInclude(a => a!.Aliases)
                .Include(s => s.Incident).Include(s => s.Source)
                .Include(s => s.AnsweredBy).ThenInclude(a => a.Statement)
                .SingleAsync(s => s.Id == attributionId, Ct);

            Assert.Equal(["United Kingdom", "United States"], stored.Parties.OrderBy(p => p.Position).Select(p => p.Party!.Name));
            Assert.Equal("HAFNIUM", stored.AccusedActor!.Name);
            Assert.Equal("Hafnio", Assert.Single(stored.AccusedActor.Aliases).Name);
            Assert.Equal(CountryCode.Parse("CN"), stored.AccusedStateCode);
            Assert.Equal(new Confidence(ConfidenceLevel.HighlyLikely, "muy probable"), stored.Confidence);
            Assert.Equal("2021-07-19", stored.Date!.ToString());
            Assert.Equal("early 2021-03", stored.Incident!.StartDate!.ToString());
            Assert.Equal(stored.Quote, stored.Source!.Text[stored.SpanStart!.Value..stored.SpanEnd!.Value]);
            Assert.Equal(denialId, Assert.Single(stored.AnsweredBy).StatementId);
            Assert.Equal(StatementKind.Denial, stored.AnsweredBy[0].Statement!.Kind);
            Assert.Equal("test", stored.UpdatedBy);
            Assert.Equal(1, stored.Version);
        }
    }

    [Fact]
    public async Task Naming_a_group_does_not_accuse_its_state()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var db = store.NewContext())
        {
            db.States.Add(State("CN", "China", "China"));
            var microsoft = new Party { Name = "Microsoft", Slug = Slug.From("Microsoft"), Kind = PartyKind.Company };
            var statement = new AttributionStatement
            {
                Kind = StatementKind.Attribution,
                AccusedActor = new Actor { Name = "HAFNIUM", Slug = Slug.From("HAFNIUM"), SponsorStateCode = CountryCode.Parse("CN") },
            };
            statement.Parties.Add(new StatementParty { Party = microsoft });
            db.Statements.Add(statement);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = store.NewContext())
        {
            var stored = await db.Statements.Include(s => s.AccusedActor).SingleAsync(Ct);
            Assert.Null(stored.AccusedStateCode);
            Assert.Equal(CountryCode.Parse("CN"), stored.AccusedActor!.SponsorStateCode);
            Assert.Equal(Confidence.NotStated, stored.Confidence);
            Assert.Null(stored.Date);
        }
    }

    [Fact]
    public async Task The_same_article_cannot_be_stored_twice()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        db.Sources.Add(new Source { Title = "A", Language = "en", Text = "Same text.", TextSha256 = SourceText.Fingerprint("Same text.") });
        db.Sources.Add(new Source { Title = "B", Language = "en", Text = "SAME   text.", TextSha256 = SourceText.Fingerprint("SAME   text.") });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task A_span_needs_a_source_and_a_positive_length()
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        db.Statements.Add(new AttributionStatement { Kind = StatementKind.Attribution, SpanStart = 5, SpanEnd = 3 });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        // Each engine words it its own way; both name the constraint.
        Assert.Contains("CK_Statements_Span", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_copy_gets_a_conflict_not_a_silent_overwrite()
    {
        await using var store = await TestStore.CreateAsync();
        int id;
        await using (var db = store.NewContext())
        {
            var incident = new Incident { Name = "Attack on Finland's parliament", Slug = Slug.From("Attack on Finland's parliament") };
            db.Incidents.Add(incident);
            await db.SaveChangesAsync(Ct);
            id = incident.Id;
        }

        await using var first = store.NewContext();
        await using var second = store.NewContext();
        var a = await first.Incidents.SingleAsync(i => i.Id == id, Ct);
        var b = await second.Incidents.SingleAsync(i => i.Id == id, Ct);
        a.Scale = "the parliament's e-mail system";
        await first.SaveChangesAsync(Ct);
        b.Scale = "something else";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.Equal(2, a.Version);
    }

    [Fact]
    public async Task Audit_stamps_record_when_and_by_whom()
    {
        var clock = new FixedClock(new DateTimeOffset(2021, 7, 19, 10, 0, 0, TimeSpan.Zero));
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        db.Clock = clock;
        db.ChangedBy = "editor@example.org";
        var party = new Party { Name = "NCSC", Slug = Slug.From("NCSC"), Kind = PartyKind.Agency };
        db.Parties.Add(party);
        await db.SaveChangesAsync(Ct);
        clock.Now = clock.Now.AddDays(1);
        db.ChangedBy = "other@example.org";
        party.Role = "cyber security agency";
        await db.SaveChangesAsync(Ct);

        Assert.Equal(new DateTime(2021, 7, 19, 10, 0, 0, DateTimeKind.Utc), party.CreatedAt);
        Assert.Equal(new DateTime(2021, 7, 20, 10, 0, 0, DateTimeKind.Utc), party.UpdatedAt);
        Assert.Equal("other@example.org", party.UpdatedBy);
        Assert.Equal(2, party.Version);
    }

    private static State State(string code, string en, string es) => new() { Code = CountryCode.Parse(code), NameEn = en, NameEs = es };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
