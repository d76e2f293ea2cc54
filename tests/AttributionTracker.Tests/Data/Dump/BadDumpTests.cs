using System.Text;
using System.Text.Json.Nodes;
using AttributionTracker.Data.Dump;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Tests.Data.Dump;

/// <summary>A dump that is not what it should be is refused as a whole, with what is wrong named.</summary>
public sealed class BadDumpTests(SeededStore seeded) : IClassFixture<SeededStore>
{
    public static TheoryData<string, string> Damages => new()
    {
        { "version", "format \"attribution-dump/2\"; this version of AttributionTracker reads only \"attribution-dump/1\"" },
        { "newer-migration", "migration 20991231000000_FromTheFuture, which this version of AttributionTracker does not know" },
        { "unknown-table", "unknown table Widgets" },
        { "secret-table", "table AspNetUserTokens is never restored" },
        { "unknown-column", "Actors row 1: unknown column Colour" },
        { "password-column", "AspNetUsers row 1: column PasswordHash is never restored" },
        { "wrong-type", "Actors row 1: Id should be a whole number, not \"one\"" },
        { "wrong-date", "Statements row 1: CreatedAt should be a UTC time like 2026-11-29T08:00:00Z, not \"yesterday\"" },
        { "missing-required", "Actors row 1: Name is missing" },
        { "null-required", "Actors row 1: Name cannot be empty" },
        { "broken-reference", "refers to no row of Incidents" },
        { "duplicate-key", "Sources row 2: a second row with the key Id 1" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_dump_is_refused_naming_what_is_wrong(string damage, string expected)
    {
        var dump = JsonNode.Parse(seeded.Dump)!;
        Damage(dump, damage);

        var problems = await ProblemsAsync(Encoding.UTF8.GetBytes(dump.ToJsonString()));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truncated_dump_is_refused_as_incomplete()
    {
        var problems = await ProblemsAsync(seeded.Dump[..(seeded.Dump.Length / 2)]);

        Assert.StartsWith("the file is not a complete JSON document", Assert.Single(problems));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{}")]
    public async Task A_file_that_is_not_a_dump_is_refused(string text)
    {
        var problems = await ProblemsAsync(Encoding.UTF8.GetBytes(text));

        Assert.Single(problems);
        Assert.Matches("not a complete JSON document|not a dump|no \"format\"", problems[0]);
    }

    private static async Task<IReadOnlyList<string>> ProblemsAsync(byte[] bytes)
    {
        await using var store = await TestStore.CreateAsync();
        await using var db = store.NewContext();
        var (file, problems) = await DumpFile.ReadAsync(new MemoryStream(bytes), DumpPlan.For(db), [.. db.Database.GetMigrations()], TestContext.Current.CancellationToken);
        Assert.Null(file);
        return problems;
    }

    private static void Damage(JsonNode dump, string damage)
    {
        var tables = dump["tables"]!.AsArray();
        JsonObject FirstRow(string table) => tables.Single(t => (string)t!["name"]! == table)!["rows"]!.AsArray()[0]!.AsObject();
        switch (damage)
        {
            case "version": dump["format"] = "attribution-dump/2"; break;
            case "newer-migration": dump["migration"] = "20991231000000_FromTheFuture"; break;
            case "unknown-table": tables.Add(new JsonObject { ["name"] = "Widgets", ["rows"] = new JsonArray() }); break;
            case "secret-table": tables.Add(new JsonObject { ["name"] = "AspNetUserTokens", ["rows"] = new JsonArray() }); break;
            case "unknown-column": FirstRow("Actors")["Colour"] = "red"; break;
            case "password-column": FirstRow("AspNetUsers")["PasswordHash"] = "x"; break;
            case "wrong-type": FirstRow("Actors")["Id"] = "one"; break;
            case "wrong-date": FirstRow("Statements")["CreatedAt"] = "yesterday"; break;
            case "missing-required": FirstRow("Actors").Remove("Name"); break;
            case "null-required": FirstRow("Actors")["Name"] = null; break;
            case "broken-reference": tables.Single(t => (string)t!["name"]! == "Statements")!["rows"]!.AsArray().First(r => r!["IncidentId"] is not null)!["IncidentId"] = 999999; break;
            case "duplicate-key":
                var sources = tables.Single(t => (string)t!["name"]! == "Sources")!["rows"]!.AsArray();
                sources.Add(sources[0]!.DeepClone());
                break;
        }
    }
}
