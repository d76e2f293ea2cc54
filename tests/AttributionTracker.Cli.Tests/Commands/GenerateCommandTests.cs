using System.Text;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Generation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AttributionTracker.Cli.Tests.Commands;

/// <summary>
/// Two stores generated with the same small sizes and seed (one of them read by most tests), made once for the class:
/// 1,200 actors so that made-up actors with aliases stand beside the 1,084 of the MISP galaxy.
/// </summary>
public sealed class GeneratedStores : IAsyncLifetime
{
    public static readonly string[] Arguments = ["generate", "--scale", "0.01", "--actors", "1200", "--seed", "7"];

    private readonly TempFolder temp = new();

    public string First => temp.Path("first");

    public string Second => temp.Path("second");

    public CliRun FirstRun { get; private set; } = null!;

    public CliRun SecondRun { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        FirstRun = await Cli.RunAsync([.. Arguments, "--data-folder", First]);
        SecondRun = await Cli.RunAsync([.. Arguments, "--data-folder", Second]);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class GenerateCommandTests(GeneratedStores stores) : IClassFixture<GeneratedStores>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generates_the_sizes_asked_for_beside_the_seed()
    {
        Assert.True(stores.FirstRun.ExitCode == 0, stores.FirstRun.Output);
        await using var db = StoreCounts.Open(stores.First);

        Assert.Equal(10_000, await db.Statements.CountAsync(s => s.UpdatedBy == StoreGenerator.ChangedBy, Ct));
        Assert.Equal(1_000, await db.Incidents.CountAsync(i => i.UpdatedBy == StoreGenerator.ChangedBy, Ct));
        Assert.Equal(500, await db.Sources.CountAsync(s => s.ImportedFrom!.StartsWith(GeneratedSource.ImportedFromPrefix), Ct));

        // 1,084 actors come with the store; 116 more are made up, each with aliases, one of them Spanish.
        var made = await db.Actors.Where(a => a.UpdatedBy == StoreGenerator.ChangedBy).Include(a => a.Aliases).ToListAsync(Ct);
        Assert.Equal(1_200, await db.Actors.CountAsync(Ct));
        Assert.NotEmpty(made);
        Assert.All(made, a => Assert.Contains(a.Aliases, x => x.Language == Languages.Spanish));
        Assert.True(await db.Statements.Select(s => s.AccusedActorId).Distinct().CountAsync(Ct) <= 1_200 + 3);

        Assert.Contains(stores.FirstRun.Lines, l => l.StartsWith("Statements: 10,000 rows in ", StringComparison.Ordinal));
        Assert.Contains(stores.FirstRun.Lines, l => l.StartsWith("Generated 10,000 statements, 500 sources, 1,000 incidents, 116 new actors (+1,084 from the store)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_arguments_and_seed_give_the_same_records()
    {
        Assert.True(stores.SecondRun.ExitCode == 0, stores.SecondRun.Output);

        var first = await CanonicalAsync(stores.First);
        var second = await CanonicalAsync(stores.Second);

        Assert.True(first.Length > 1_000_000, "the canonical form holds the generated records");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_few_actors_and_accusers_make_most_statements_and_a_few_incidents_have_hundreds()
    {
        await using var db = StoreCounts.Open(stores.First);
        var generated = db.Statements.Where(s => s.UpdatedBy == StoreGenerator.ChangedBy);

        var byActor = await generated.Where(s => s.AccusedActorId != null).GroupBy(s => s.AccusedActorId).Select(g => g.Count()).OrderByDescending(n => n).ToListAsync(Ct);
        var topActors = byActor.Take(1_200 / 20).Sum();
        Assert.True(topActors >= 0.4 * byActor.Sum(), $"the top 5% of actors are accused in {topActors:N0} of {byActor.Sum():N0} statements");

        var byParty = await db.Set<StatementParty>().Where(p => p.Position == 0 && generated.Any(s => s.Id == p.StatementId))
            .GroupBy(p => p.PartyId).Select(g => g.Count()).OrderByDescending(n => n).ToListAsync(Ct);
        var topParties = byParty.Take(Math.Max(1, byParty.Count / 10)).Sum();
        Assert.True(topParties >= 0.5 * byParty.Sum(), $"the top 10% of accusers lead {topParties:N0} of {byParty.Sum():N0} statements");

        var byIncident = await generated.GroupBy(s => s.IncidentId).Select(g => g.Count()).OrderBy(n => n).ToListAsync(Ct);
        var median = byIncident[byIncident.Count / 2];
        Assert.True(byIncident[^1] >= 20 * median, $"the largest incident has {byIncident[^1]} statements, the median {median}");
    }

    [Fact]
    public async Task Every_quote_is_its_source_text_at_its_span()
    {
        await using var db = StoreCounts.Open(stores.First);

        var quoted = await db.Statements.Where(s => s.UpdatedBy == StoreGenerator.ChangedBy)
            .Select(s => new { s.Id, s.Quote, s.SpanStart, s.SpanEnd, s.Source!.Text, s.QuoteLanguage, s.Source.Language }).ToListAsync(Ct);

        Assert.Equal(10_000, quoted.Count);
        Assert.All(quoted, s =>
        {
            Assert.Equal(s.Quote, s.Text[s.SpanStart!.Value..s.SpanEnd!.Value]);
            Assert.Equal(s.Language, s.QuoteLanguage);
        });
        Assert.Contains(quoted, s => s.Language == Languages.Spanish);
        Assert.Contains(quoted, s => s.Language == Languages.English);
    }

    [Fact]
    public async Task Dates_confidence_and_kinds_are_what_the_app_accepts()
    {
        await using var db = StoreCounts.Open(stores.First);

        // Read as entities, through the model's converters: every value parses (slugs, country codes, partial dates).
        var statements = await db.Statements.AsNoTracking().Where(s => s.UpdatedBy == StoreGenerator.ChangedBy)
            .Include(s => s.Source).Include(s => s.Incident).Include(s => s.Parties).Include(s => s.Answers).ToListAsync(Ct);

        Assert.All(statements, s =>
        {
            Assert.NotNull(s.Date);
            Assert.InRange(s.Date.Year, 2000, 2026);
            Assert.True(s.Date.Start <= s.Source!.PublishedOn!.Start, $"statement {s.Id} dated {s.Date} after its source ({s.Source.PublishedOn})");
            Assert.True(s.Date.End >= s.Incident!.StartDate!.Start, $"statement {s.Id} dated {s.Date} before its incident began ({s.Incident.StartDate})");
            Assert.Equal(s.Confidence.Level is null, s.Confidence.Wording is null);
            if (s.Confidence.Wording is { } wording)
            {
                Assert.Contains(wording, s.Quote, StringComparison.Ordinal);
            }

            Assert.NotEmpty(s.Parties);
            Assert.Equal(s.Parties.Count, s.Parties.Select(p => p.PartyId).Distinct().Count());
            if (s.Kind == StatementKind.Denial)
            {
                Assert.Null(s.AccusedActorId);
            }
            else
            {
                Assert.True(s.AccusedActorId is not null || s.AccusedStateCode is not null, $"statement {s.Id} accuses no one");
            }
        });
        Assert.Contains(statements, s => s.Confidence.Level is not null);
        Assert.Contains(statements, s => s.Kind == StatementKind.Denial && s.Answers.Count > 0);
        Assert.Contains(statements, s => s.Parties.Count > 1);

        var incidents = await db.Incidents.AsNoTracking().Where(i => i.UpdatedBy == StoreGenerator.ChangedBy).ToListAsync(Ct);
        Assert.All(incidents, i => Assert.True(i.EndDate is null || i.EndDate.Start > i.StartDate!.Start, $"incident {i.Slug} ends before it begins"));
    }

    [Fact]
    public async Task The_generated_store_exports_as_csv_stix_and_dump()
    {
        using var temp = new TempFolder();

        var csv = await Cli.RunAsync("csv", "export", "statements", "--output", temp.Path("statements.csv"), "--data-folder", stores.First);
        var stix = await Cli.RunAsync("stix", "export", "--output", temp.Path("bundle.json"), "--data-folder", stores.First);

        Assert.True(csv.ExitCode == 0, csv.Output);
        Assert.True(File.ReadLines(temp.Path("statements.csv")).Count() > 10_000);
        Assert.True(stix.ExitCode == 0, stix.Output);
    }

    [Fact]
    public async Task A_store_already_generated_into_is_refused_and_left_as_it_was()
    {
        var before = await StoreCounts.OfAsync(stores.First);

        var run = await Cli.RunAsync([.. GeneratedStores.Arguments, "--data-folder", stores.First]);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("error: the store already holds 10,000 statements, 500 sources, 1,000 incidents beyond its seed data", error, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was written.", error, StringComparison.Ordinal);
        Assert.Equal(before, await StoreCounts.OfAsync(stores.First));
    }

    [Fact]
    public async Task A_store_with_an_imported_article_is_refused()
    {
        using var temp = new TempFolder();
        var data = temp.Path("data");
        var import = await Cli.RunAsync("import", RepositoryFiles.Corpus("en_02_wannacry_north_korea.txt"), "--data-folder", data);
        Assert.True(import.ExitCode == 0, import.Output);
        var before = await StoreCounts.OfAsync(data);

        var run = await Cli.RunAsync("generate", "--scale", "0.001", "--data-folder", data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: the store already holds ", Assert.Single(run.Errors), StringComparison.Ordinal);
        Assert.Equal(before, await StoreCounts.OfAsync(data));
    }

    [Theory]
    [InlineData("--statements -5", "error: --statements must be zero or more, not -5.")]
    [InlineData("--incidents 10 --statements 0", "error: Every incident needs at least one statement: --statements (0) must be at least --incidents (10).")]
    [InlineData("--incidents 5 --statements 10 --sources 0", "error: Statements are quoted from sources: give --sources of at least 1.")]
    [InlineData("--incidents 5 --statements 10 --sources 20", "error: Every source quotes at least one statement: --sources (20) must not exceed --statements (10).")]
    [InlineData("--scale 0", "error: --scale must be a number above 0 and at most 100, not 0. Nothing was written.")]
    public async Task Impossible_sizes_are_refused_with_a_reason_before_any_store_is_made(string arguments, string expected)
    {
        using var temp = new TempFolder();
        var data = temp.Path("data");

        var run = await Cli.RunAsync(["generate", .. arguments.Split(' '), "--data-folder", data]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(expected, run.Errors[0]);
        Assert.False(Directory.Exists(data), "no store was made");
    }

    /// <summary>
    /// With ATTRIBUTION_TEST_DATABASE=postgres: the generator's core code (what `generate` runs) on a PostgreSQL store,
    /// after the same first start, writes the same records as on SQLite.
    /// </summary>
    [Fact]
    public async Task On_PostgreSQL_the_same_arguments_and_seed_give_the_same_records_as_on_SQLite()
    {
        Assert.SkipUnless(string.Equals(Environment.GetEnvironmentVariable("ATTRIBUTION_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase),
            "PostgreSQL only (ATTRIBUTION_TEST_DATABASE=postgres)");
        var server = Environment.GetEnvironmentVariable("ATTRIBUTION_TEST_POSTGRES") is { Length: > 0 } s ? s : "Host=127.0.0.1;Port=5432;Username=attribution;Password=attribution";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = "attribution_test_generate_" + Guid.NewGuid().ToString("N")[..10] }.ConnectionString,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddAttributionStore(configuration).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(Ct);
            await new StoreGenerator(db).GenerateAsync(new GenerationOptions(1_200, 1_000, 10_000, 500, 7), NoProgress.Instance, Ct);

            await using var sqlite = StoreCounts.Open(stores.First);
            Assert.Equal(await GeneratedRowsAsync(sqlite), await GeneratedRowsAsync(db));

            // The identity sequence was moved past the generated ids: the next statement saved gets a new id.
            var next = await db.Database.SqlQueryRaw<long>("SELECT nextval(pg_get_serial_sequence('\"Statements\"', 'Id')) AS \"Value\"").SingleAsync(Ct);
            Assert.True(next > await db.Statements.MaxAsync(x => x.Id, Ct));
        }
        finally
        {
            await db.Database.EnsureDeletedAsync(Ct);
        }
    }

    /// <summary>The generated statements, sources and incidents as text, read through EF Core on either engine.</summary>
    private static async Task<List<string>> GeneratedRowsAsync(AttributionDbContext db)
    {
        var statements = await db.Statements.AsNoTracking().Where(s => s.UpdatedBy == StoreGenerator.ChangedBy).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Kind, s.IncidentId, s.AccusedActorId, s.AccusedStateCode, s.Quote, s.SpanStart, s.SpanEnd, s.Confidence, s.Date, s.SourceId })
            .ToListAsync(Ct);
        var sources = await db.Sources.AsNoTracking().Where(s => s.UpdatedBy == StoreGenerator.ChangedBy).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Url, s.TextSha256, s.PublishedOn }).ToListAsync(Ct);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.UpdatedBy == StoreGenerator.ChangedBy).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.Name, i.Slug, i.StartDate }).ToListAsync(Ct);
        return [.. statements.Select(s => s.ToString()!), .. sources.Select(s => s.ToString()!), .. incidents.Select(i => i.ToString()!)];
    }

    /// <summary>Every generated record in a fixed order, as text: equal stores give equal text.</summary>
    private static async Task<string> CanonicalAsync(string dataFolder)
    {
        await using var db = StoreCounts.Open(dataFolder);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var text = new StringBuilder();
        // Quoted names: PostgreSQL folds unquoted ones to lower case.
        foreach (var query in new[]
        {
            "SELECT * FROM \"Actors\" WHERE \"UpdatedBy\" = 'generate' ORDER BY \"Id\"",
            "SELECT a.* FROM \"ActorAliases\" a JOIN \"Actors\" o ON o.\"Id\" = a.\"ActorId\" WHERE o.\"UpdatedBy\" = 'generate' ORDER BY a.\"ActorId\", a.\"Key\"",
            "SELECT * FROM \"Parties\" WHERE \"UpdatedBy\" = 'generate' ORDER BY \"Id\"",
            "SELECT * FROM \"Incidents\" WHERE \"UpdatedBy\" = 'generate' ORDER BY \"Id\"",
            "SELECT v.\"IncidentId\", v.\"Name\", v.\"StateCode\" FROM \"IncidentVictim\" v JOIN \"Incidents\" i ON i.\"Id\" = v.\"IncidentId\" WHERE i.\"UpdatedBy\" = 'generate' ORDER BY v.\"IncidentId\", v.\"Name\"",
            "SELECT * FROM \"Sources\" WHERE \"UpdatedBy\" = 'generate' ORDER BY \"Id\"",
            "SELECT * FROM \"Statements\" WHERE \"UpdatedBy\" = 'generate' ORDER BY \"Id\"",
            "SELECT p.* FROM \"StatementParty\" p JOIN \"Statements\" s ON s.\"Id\" = p.\"StatementId\" WHERE s.\"UpdatedBy\" = 'generate' ORDER BY p.\"StatementId\", p.\"Position\"",
            "SELECT a.* FROM \"StatementAnswer\" a JOIN \"Statements\" s ON s.\"Id\" = a.\"StatementId\" WHERE s.\"UpdatedBy\" = 'generate' ORDER BY a.\"StatementId\", a.\"AnsweredStatementId\"",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
