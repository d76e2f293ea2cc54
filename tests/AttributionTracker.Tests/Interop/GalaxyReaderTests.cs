using System.Text;
using AttributionTracker.Interop.Misp;

namespace AttributionTracker.Tests.Interop;

public sealed class GalaxyReaderTests
{
    private static GalaxyCluster Read(string json) => GalaxyReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Separates_MITRE_group_ids_from_synonyms_and_keeps_only_web_references()
    {
        var cluster = Read("""
            {"name": "Threat Actor", "type": "threat-actor", "values": [
              {"uuid": "4F05D6C1-3FC1-4567-91CD-DD4637CC38B5", "value": "HAFNIUM",
               "meta": {"synonyms": ["G0125", "Silk Typhoon", " "], "country": "cn",
                        "refs": ["https://attack.mitre.org/groups/G0125/", "javascript:alert(1)", "not a url"]}}
            ]}
            """);

        var actor = Assert.Single(cluster.Values);
        Assert.Equal("4f05d6c1-3fc1-4567-91cd-dd4637cc38b5", actor.Uuid);
        Assert.Equal(["Silk Typhoon"], actor.Synonyms);
        Assert.Equal(["G0125"], actor.MitreAttackIds);
        Assert.Equal("CN", actor.Country);
        Assert.Equal(["https://attack.mitre.org/groups/G0125/"], actor.Refs);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1, 2, 3]", "\"values\" array")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A"}, {"uuid": "00000000-0000-4000-8000-000000000001", "value": "B"}]}""", "appears twice")]
    [InlineData("""{"values": {"uuid": "00000000-0000-4000-8000-000000000001"}}""", "\"values\" array")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": 42}]}""", "values[0] (00000000-0000-4000-8000-000000000001): missing \"value\"")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A", "meta": {"synonyms": "B"}}]}""", "values[0] (00000000-0000-4000-8000-000000000001): meta.synonyms: must be an array of strings, not string")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A", "meta": {"synonyms": ["B", 7]}}]}""", "values[0] (00000000-0000-4000-8000-000000000001): meta.synonyms[1]: must be a string, not a number")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A", "meta": [1]}]}""", "values[0] (00000000-0000-4000-8000-000000000001): meta: must be an object")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A", "meta": {"country": "China"}}]}""", "values[0] (00000000-0000-4000-8000-000000000001): meta.country: “China” is not a two-letter ISO 3166-1 code")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A", "meta": {"country": 86}}]}""", "values[0] (00000000-0000-4000-8000-000000000001): meta.country: must be a string, not a number")]
    [InlineData("""{"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "A", "description": ["x"]}]}""", "values[0] (00000000-0000-4000-8000-000000000001): description: must be a string, not an array")]
    [InlineData("""{"values": [{"value": "A"}]}""", "values[0]: missing or malformed \"uuid\"")]
    public void Says_what_is_wrong_with_a_file_that_is_not_a_galaxy(string json, string expected)
    {
        var error = Assert.Throws<GalaxyFormatException>(() => Read(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.json:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_names_longer_than_the_store_keeps_rather_than_cutting_them()
    {
        var huge = new string('A', 5_000);
        var error = Assert.Throws<GalaxyFormatException>(() => Read($$$"""
            {"values": [{"uuid": "00000000-0000-4000-8000-000000000001", "value": "{{{huge}}}", "meta": {"synonyms": ["{{{huge}}}"], "refs": ["https://example.org/{{{new string('a', 3_000)}}}"]}}]}
            """));

        Assert.Equal(
            [
                "values[0] (00000000-0000-4000-8000-000000000001): value: 5000 characters; at most 200",
                "values[0] (00000000-0000-4000-8000-000000000001): meta.synonyms: 5000 characters; at most 200",
                "values[0] (00000000-0000-4000-8000-000000000001): meta.refs: 3020 characters; at most 2000",
            ],
            error.Problems);
    }
}
