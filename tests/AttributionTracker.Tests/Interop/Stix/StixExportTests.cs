using System.Text.Json;
using System.Text.Json.Nodes;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Stix;
using static AttributionTracker.Tests.Interop.Stix.StixBundles;

namespace AttributionTracker.Tests.Interop.Stix;

public sealed class StixExportTests(SeedStore seed) : IClassFixture<SeedStore>
{
    [Fact]
    public async Task Every_object_of_the_whole_store_export_matches_the_OASIS_schemas_and_every_ref_resolves()
    {
        var bundle = await seed.ExportAsync(StixScope.Store);

        Assert.Empty(SchemaProblems(bundle));
        Assert.Empty(DanglingRefs(bundle));
        Assert.Contains(OfType(bundle, "intrusion-set"), o => (string?)o["name"] == "HAFNIUM");
        Assert.NotEmpty(OfType(bundle, "opinion"));
        Assert.NotEmpty(OfType(bundle, "report"));
        Assert.Equal(Objects(bundle).Count, Objects(bundle).Select(o => (string)o["id"]!).Distinct().Count());
    }

    [Fact]
    public async Task Every_incident_and_actor_export_of_the_seed_is_valid_and_self_contained()
    {
        await using var db = seed.Store.NewContext();
        var incidents = db.Incidents.Select(i => i.Slug).ToList();
        var accused = db.Statements.Where(s => s.AccusedActor != null).Select(s => s.AccusedActor!.Slug).Distinct().ToList();
        Assert.NotEmpty(incidents);
        Assert.NotEmpty(accused);

        foreach (var scope in incidents.Select(StixScope.ForIncident).Concat(accused.Select(StixScope.ForActor)))
        {
            var bundle = await seed.ExportAsync(scope);
            Assert.Empty(SchemaProblems(bundle));
            Assert.Empty(DanglingRefs(bundle));
            Assert.Contains(OfType(bundle, "relationship"), r => (string?)r["relationship_type"] == "attributed-to");
        }
    }

    [Fact]
    public async Task Hafnium_export_names_the_accusers_as_the_authors_of_their_statements_and_reports()
    {
        var bundle = await seed.ExportAsync(StixScope.ForActor(Slug.Parse("hafnium")));

        var hafnium = Assert.Single(OfType(bundle, "intrusion-set"), o => (string?)o["name"] == "HAFNIUM");
        var attributions = OfType(bundle, "relationship").Where(r => (string?)r["target_ref"] == (string?)hafnium["id"]).ToList();
        Assert.NotEmpty(attributions);
        Assert.All(attributions, r => Assert.StartsWith("identity--", (string)r["created_by_ref"]!));
        var reports = OfType(bundle, "report").ToList();
        Assert.All(attributions, r => Assert.Contains(reports, p => (string?)p["created_by_ref"] == (string?)r["created_by_ref"]
            && p["object_refs"]!.AsArray().Any(x => (string?)x == (string?)r["id"])));
    }

    [Fact]
    public async Task A_denial_is_an_opinion_of_the_denying_party_on_the_attributions_it_answers()
    {
        var bundle = await seed.ExportAsync(StixScope.Store);
        var byId = Objects(bundle).ToDictionary(o => (string)o["id"]!);

        var denials = OfType(bundle, "opinion").ToList();
        Assert.NotEmpty(denials);
        Assert.All(denials, denial =>
        {
            Assert.Equal("strongly-disagree", (string?)denial["opinion"]);
            Assert.Equal("denial", (string?)denial["x_attribution_kind"]);
            Assert.Equal("identity", (string?)byId[(string)denial["created_by_ref"]!]["type"]);
            Assert.All(denial["object_refs"]!.AsArray(), x => Assert.Equal("attributed-to", (string?)byId[(string)x!]["relationship_type"]));
        });
    }

    [Fact]
    public async Task The_UK_attribution_carries_its_PHIA_term_as_a_number_that_maps_back_with_its_quote_and_span()
    {
        var bundle = await seed.ExportAsync(StixScope.Store);

        var confident = OfType(bundle, "relationship").Where(r => r["confidence"] is not null).ToList();
        Assert.Contains(confident, r => StixConfidence.FromStix((int)r["confidence"]!) == ConfidenceLevel.AlmostCertain);
        Assert.All(confident, r =>
        {
            Assert.NotNull(r["x_attribution_quote"]);
            Assert.Equal(2, r["x_attribution_quote_span"]!.AsArray().Count);
            Assert.Equal((string?)r["x_attribution_quote"], (string?)r["description"]);
        });
    }

    [Fact]
    public async Task Exporting_twice_gives_the_same_bundle_and_the_same_ids()
    {
        var first = await seed.ExportAsync(StixScope.ForIncident(await AnIncidentAsync()));
        var second = await seed.ExportAsync(StixScope.ForIncident(await AnIncidentAsync()));

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_incident_or_actor_exports_nothing()
    {
        await using var db = seed.Store.NewContext();
        Assert.Null(await new StixExporter(db).ExportAsync(StixScope.ForIncident(Slug.Parse("no-such-incident")), TestContext.Current.CancellationToken));
        Assert.Null(await new StixExporter(db).ExportAsync(StixScope.ForActor(Slug.Parse("no-such-actor")), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("id", "\"identity--not-a-uuid\"")]
    [InlineData("confidence", "101")]
    [InlineData("name", null)]
    [InlineData("created", "\"yesterday\"")]
    [InlineData("x_attribution_quote", "null")]
    public async Task The_schemas_reject_a_broken_object(string property, string? json)
    {
        var bundle = await seed.ExportAsync(StixScope.ForActor(Slug.Parse("hafnium")));
        var broken = Objects(bundle).First(o => (string?)o["type"] == "relationship" && o["confidence"] is not null).DeepClone().AsObject();
        if (property == "name")
        {
            broken = Objects(bundle).First(o => (string?)o["type"] == "intrusion-set").DeepClone().AsObject();
        }

        if (json is null)
        {
            broken.Remove(property);
        }
        else
        {
            broken[property] = JsonNode.Parse(json);
        }

        using var doc = JsonDocument.Parse(broken.ToJsonString());
        Assert.NotEmpty(StixSchemas.Instance.Validate(doc.RootElement, "$.objects[0]"));
    }

    private async Task<Slug> AnIncidentAsync()
    {
        await using var db = seed.Store.NewContext();
        return db.Incidents.OrderBy(i => i.Id).Select(i => i.Slug).First();
    }
}
