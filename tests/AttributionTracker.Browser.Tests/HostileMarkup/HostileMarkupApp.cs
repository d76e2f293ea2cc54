using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>
/// A second app, on its own port and data folder, whose store holds the payloads of <c>xss-payloads.json</c> in
/// <see cref="GroupCount"/> groups: per group one incident, actor, party, source and statement with every text field
/// filled with the group's payloads, so that each page template is checked a handful of times with many payloads on
/// it rather than once per payload. Separate from the shared <see cref="BrowserFixture"/> app because other tests
/// count that app's records; visited in the same Chromium.
/// </summary>
public sealed class HostileMarkupApp(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Payload <c>i</c> goes to group <c>i mod GroupCount</c>, so each group mixes the corpus's kinds.</summary>
    public const int GroupCount = 6;

    private AppServer? app;

    public static IReadOnlyList<string> Payloads { get; } = JsonSerializer.Deserialize<string[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HostileMarkup", "xss-payloads.json")))!;

    public static IReadOnlyList<PayloadGroup> Groups { get; } = [.. Enumerable.Range(0, GroupCount).Select(PayloadGroup.Of)];

    public IServiceProvider Services => app!.Services;

    /// <summary>Per group (same index): the records that carry its payloads.</summary>
    public IReadOnlyList<HostileRecords> Records { get; private set; } = [];

    public string EditorEmail { get; private set; } = "";

    public HttpClient CreateClient() => app!.CreateClient();

    public Task<BrowserSession> OpenAsync(string test) => browser.OpenAsync(app!.BaseAddress, test);

    public async ValueTask InitializeAsync()
    {
        app = await Task.Run(AppServer.Start);
        Records = await StoreAsync();
        EditorEmail = await app.Services.AddAccountAsync("Editor");
    }

    private async Task<IReadOnlyList<HostileRecords>> StoreAsync()
    {
        await using var scope = app!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var statements = new List<AttributionStatement>();
        foreach (var g in Groups)
        {
            var n = g.Number;
            // List fields (aliases, victims) get one row per payload; a field of limited length as many payloads as
            // fit, each short field of a record starting at another payload so that together they carry the group.
            var actor = new Actor
            {
                Name = g.Fill(200, 0), Slug = Slug.Parse($"hostile-actor-{n}"), Description = g.Text,
                Aliases = [.. g.Payloads.Zip(AliasKeys(g)).Select(a => new ActorAlias { Name = a.First, Key = a.Second, Origin = "editor" })],
            };
            var incident = new Incident
            {
                Name = g.Fill(300, 0), Slug = Slug.Parse($"hostile-incident-{n}"), Summary = g.Text, Scale = g.Fill(300, 4),
                Type = IncidentType.Espionage, StartDate = PartialDate.OfDay(2020, 1, 1),
                Aliases = [.. g.Payloads.Zip(AliasKeys(g)).Select(a => new IncidentAlias { Name = a.First, Key = a.Second })],
                Victims = [.. g.Payloads.Select(p => new IncidentVictim { Name = p })],
            };
            var party = new Party
            {
                Name = g.Fill(200, 0), Slug = Slug.Parse($"hostile-party-{n}"), Kind = PartyKind.Official, Role = g.Fill(200, 4),
                PersonName = g.Fill(200, 2), Description = g.Text, StateCode = CountryCode.Parse("NZ"),
            };
            // The quote sits inside the source text, so the source page marks its span.
            var text = SourceText.Normalise($"Release {n}. An official said: {g.Text} That was all.");
            var source = new Source
            {
                Title = g.Text, Publisher = g.Fill(200, 4), Url = g.Text, Language = "en", Text = text, TextSha256 = SourceText.Fingerprint(text),
                PublishedOn = PartialDate.OfDay(2020, 2, 1),
            };
            var quote = g.Text.Trim();
            var start = text.IndexOf(quote, StringComparison.Ordinal);
            var statement = new AttributionStatement
            {
                Kind = StatementKind.Attribution, Parties = [new StatementParty { Party = party, Position = 0 }],
                Incident = incident, AccusedActor = actor, Confidence = new Confidence(ConfidenceLevel.Likely, g.Fill(200, 4)),
                Date = PartialDate.OfDay(2020, 2, 1), Quote = g.Text, Source = source,
                SpanStart = start >= 0 ? start : null, SpanEnd = start >= 0 ? start + quote.Length : null, Notes = g.Text,
                // Every other statement withdrawn, so the retraction reason is shown too.
                RetractedAt = n % 2 == 1 ? DateTime.UtcNow : null, RetractedBy = n % 2 == 1 ? "editor@example.org" : null,
                RetractionReason = n % 2 == 1 ? g.Text : null,
            };
            db.Statements.Add(statement);
            statements.Add(statement);
        }

        await db.SaveChangesAsync();

        // A second save gives every statement a history entry that carries the payloads (notes changed).
        foreach (var s in statements)
        {
            s.Notes = s.Quote + "\n\n" + s.Quote;
        }

        await db.SaveChangesAsync();
        return [.. statements.Select(s => new HostileRecords(s.Incident!.Slug.Value, s.AccusedActor!.Slug.Value, s.Parties[0].Party!.Slug.Value, s.SourceId!.Value, s.Id))];
    }

    /// <summary>Each payload's folded key; a record's alias keys must differ, and two payloads may fold alike (or to nothing).</summary>
    private static List<string> AliasKeys(PayloadGroup g)
    {
        var keys = new List<string>();
        foreach (var p in g.Payloads)
        {
            var key = TextFolding.Key(p) is { Length: > 0 } k ? k : "hostile";
            keys.Add(keys.Contains(key) ? $"{key} {keys.Count}" : key);
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record HostileRecords(string Incident, string Actor, string Party, int Source, int Statement);
