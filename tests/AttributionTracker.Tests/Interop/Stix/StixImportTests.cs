using System.Text.Json.Nodes;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Stix;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Interop.Stix;

public sealed class StixImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string OpenCti => File.ReadAllText(RepositoryFiles.Path("tests", "AttributionTracker.Tests", "Interop", "Stix", "Fixtures", "opencti-bundle.json"));

    [Fact]
    public async Task An_OpenCTI_bundle_becomes_a_statement_by_its_author_merged_into_known_actors_and_the_rest_is_counted_as_skipped()
    {
        await using var store = await TestStore.CreateWithReferenceDataAsync();

        var result = await StixImports.ImportAsync(store, OpenCti, by: "ana@example.org");

        Assert.Equal(new Dictionary<string, int> { ["actor relations"] = 1, ["actors"] = 1, ["incidents"] = 1, ["parties"] = 1, ["sources"] = 1, ["statements"] = 1 }, result.Created);
        Assert.Equal(1, result.Merged["actors"]);
        Assert.Equal(new Dictionary<string, int> { ["identity (class)"] = 1, ["indicator"] = 1, ["malware"] = 1, ["marking-definition"] = 1, ["relationship (uses)"] = 1 }, result.Skipped);
        await using var db = store.NewContext();
        var statement = await db.Statements.Include(s => s.Parties).ThenInclude(p => p.Party).Include(s => s.AccusedActor).ThenInclude(a => a!.Aliases)
            .Include(s => s.Incident).Include(s => s.Source).SingleAsync(Ct);
        Assert.Equal("Polar Sentinel Labs", statement.Parties.Single().Party!.Name);
        Assert.Equal(PartyKind.Company, statement.Parties.Single().Party!.Kind);
        Assert.Equal("Glacier Wolf", statement.AccusedActor!.Name);
        Assert.Equal(["GLACIERWOLF", "TA-Frost 12", "Frost Wolf"], statement.AccusedActor.Aliases.OrderBy(a => a.Id).Select(a => a.Name));
        Assert.Null(statement.AccusedStateCode);
        Assert.Equal(ConfidenceLevel.HighlyLikely, statement.Confidence.Level);
        Assert.Equal("We assess with high confidence that Glacier Wolf conducted the intrusion.", statement.Quote);
        Assert.Equal(PartialDate.Parse("2024-02-04"), statement.Date);
        Assert.Equal("Nordic grid operator intrusion", statement.Incident!.Name);
        Assert.Equal("https://polar-sentinel.example/reports/glacier-wolf-nordic-grid", statement.Source!.Url);
        Assert.Equal(new DateTime(2024, 2, 4, 12, 0, 0), statement.CreatedAt);
        var relation = await db.ActorRelations.Include(r => r.FromActor).Include(r => r.ToActor).SingleAsync(r => r.FromActor!.Name == "Glacier Wolf", Ct);
        Assert.Equal((ActorRelationKind.OperatesFor, "APT28"), (relation.Kind, relation.ToActor!.Name));
        Assert.All(await db.RecordChanges.Where(c => c.RecordType == nameof(AttributionStatement)).ToListAsync(Ct), c => Assert.Equal("ana@example.org", c.By));
    }

    [Fact]
    public async Task Importing_the_same_OpenCTI_bundle_twice_adds_nothing_the_second_time()
    {
        await using var store = await StixImports.EmptyStoreWithStatesAsync();
        await StixImports.ImportAsync(store, OpenCti);
        var counts = await StixImports.CountsAsync(store);

        var second = await StixImports.ImportAsync(store, OpenCti);

        Assert.Empty(second.Created);
        Assert.Equal(counts, await StixImports.CountsAsync(store));
    }

    [Fact]
    public async Task Two_imports_of_one_bundle_at_the_same_moment_create_each_record_once()
    {
        // An in-memory SQLite store has one connection, so two imports cannot overlap there; SQLite's transactions take
        // the write lock anyway (BEGIN IMMEDIATE). PostgreSQL's need the advisory lock this checks.
        Assert.SkipUnless(TestDatabase.OnPostgres, "PostgreSQL only: two imports need two connections to one store");
        await using var store = await StixImports.EmptyStoreWithStatesAsync();
        await StixImports.ImportAsync(store, OpenCti);
        var once = await StixImports.CountsAsync(store);
        await using var twice = await StixImports.EmptyStoreWithStatesAsync();

        await Task.WhenAll(StixImports.ImportAsync(twice, OpenCti), StixImports.ImportAsync(twice, OpenCti));

        // The same records; only the history differs (the second import may update what the first created).
        Assert.Equal(once.Split(", ")[..^1], (await StixImports.CountsAsync(twice)).Split(", ")[..^1]);
    }

    public static TheoryData<string, string, string> BadBundles => new()
    {
        { "not JSON", "{ \"type\": \"bundle\", ", "not valid JSON" },
        { "not a bundle", "[1, 2, 3]", "not a STIX bundle" },
        { "a report, not a bundle", """{ "type": "report", "id": "report--5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b" }""", "not a STIX bundle" },
        { "STIX 2.0", Edit(o => o[6]!["spec_version"] = "2.0"), "relationship--6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c ($.objects[6].spec_version): spec_version \"2.0\": only STIX 2.1 is imported" },
        { "a confidence in words", Edit(o => o[6]!["confidence"] = "high"), "relationship--6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c ($.objects[6].confidence)" },
        { "a confidence above 100", Edit(o => o[6]!["confidence"] = 150), "($.objects[6].confidence)" },
        { "a malformed id", Edit(o => o[3]!["id"] = "intrusion-set--glacier-wolf"), "intrusion-set--glacier-wolf ($.objects[3].id)" },
        { "a missing required property", Edit(o => o[5]!.AsObject().Remove("name")), "incident--2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a ($.objects[5])" },
        { "a duplicate id", Edit(o => o.Add(o[9]!.DeepClone())), "indicator--7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d ($.objects[12].id): the id appears twice (first at $.objects[9])" },
        { "a dangling ref", Edit(o => o[6]!["target_ref"] = "intrusion-set--00000000-0000-4000-8000-000000000000"), "($.objects[6].target_ref): refers to intrusion-set--00000000-0000-4000-8000-000000000000, which is not in the bundle" },
        { "a control character", Edit(o => o[3]!["name"] = "Glacier\u0007Wolf"), "($.objects[3].name): contains the control character U+0007" },
        { "a bidi override", Edit(o => o[3]!["name"] = "Glacier\u202EfloW"), "($.objects[3].name): contains the control character U+202E" },
        { "an absurdly long string", Edit(o => o[3]!["description"] = new string('a', StixBundleReader.MaxStringLength + 1)), "($.objects[3].description): 1000001 characters; at most 1000000 are accepted" },
        { "no claimant", Edit(o => o[6]!.AsObject().Remove("created_by_ref")), "($.objects[6].created_by_ref): a statement needs the party that made it" },
        { "an unknown state", Edit(o => o[1]!["x_attribution_state"] = "ZZ"), "($.objects[1].x_attribution_state): \"ZZ\" is not a known ISO 3166-1 alpha-2 state code" },
        { "an unknown statement kind", Edit(o => o[6]!["x_attribution_kind"] = "rumour"), "($.objects[6].x_attribution_kind): \"rumour\" is not a statement kind" },
        { "a span outside the text", Edit(o => o[6]!["x_attribution_quote_span"] = new JsonArray(10, 100000)), "($.objects[6].x_attribution_quote_span)" },
    };

    [Theory]
    [MemberData(nameof(BadBundles))]
    public async Task A_bad_bundle_is_refused_with_the_object_path_and_reason_and_nothing_is_written(string what, string json, string expected)
    {
        await using var store = await StixImports.EmptyStoreWithStatesAsync();
        var before = await StixImports.CountsAsync(store);

        var error = await Assert.ThrowsAsync<StixImportException>(() => StixImports.ImportAsync(store, json));

        Assert.True(error.Problems.Any(p => p.ToString().Contains(expected, StringComparison.Ordinal)), $"{what}: {string.Join(" | ", error.Problems)}");
        Assert.Equal(before, await StixImports.CountsAsync(store));
    }

    [Fact]
    public async Task Every_problem_of_a_bundle_is_listed_not_just_the_first()
    {
        await using var store = await StixImports.EmptyStoreWithStatesAsync();
        var json = Edit(o =>
        {
            o[3]!["confidence"] = 101;
            o[6]!["source_ref"] = "incident--00000000-0000-4000-8000-000000000000";
            o[9]!["name"] = "bad\u0000name";
        });

        var error = await Assert.ThrowsAsync<StixImportException>(() => StixImports.ImportAsync(store, json));

        Assert.Contains(error.Problems, p => p.Path == "$.objects[3].confidence");
        Assert.Contains(error.Problems, p => p.Path == "$.objects[6].source_ref");
        Assert.Contains(error.Problems, p => p.Path == "$.objects[9].name");
    }

    private static string Edit(Action<JsonArray> change)
    {
        var bundle = JsonNode.Parse(OpenCti)!.AsObject();
        change(bundle["objects"]!.AsArray());
        return bundle.ToJsonString();
    }
}
