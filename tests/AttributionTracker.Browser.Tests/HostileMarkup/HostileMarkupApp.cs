using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>
/// A second app, on its own port and data folder, whose store holds one incident, actor, party, source and statement
/// per payload of <c>xss-payloads.json</c>, every text field filled with that payload. Separate from the shared
/// <see cref="BrowserFixture"/> app because other tests count that app's records.
/// </summary>
public sealed class HostileMarkupApp : IAsyncLifetime
{
    private readonly AttributionWebFactory factory = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static IReadOnlyList<string> Payloads { get; } = JsonSerializer.Deserialize<string[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HostileMarkup", "xss-payloads.json")))!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    /// <summary>Per payload (same index): the records that carry it.</summary>
    public IReadOnlyList<HostileRecords> Records { get; private set; } = [];

    public string EditorEmail { get; private set; } = "";

    public HttpClient CreateClient() => factory.CreateClient();

    public async ValueTask InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());
        Records = await StoreAsync();
        EditorEmail = await factory.Services.AddAccountAsync("Editor");

        var chromium = Environment.GetEnvironmentVariable(BrowserFixture.ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = BrowserFixture.ChromiumArgs });
    }

    public async Task<BrowserSession> OpenAsync(string test)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), test);
    }

    private async Task<IReadOnlyList<HostileRecords>> StoreAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var statements = new List<AttributionStatement>();
        for (var i = 0; i < Payloads.Count; i++)
        {
            var p = Payloads[i];
            var key = TextFolding.Key(p) is { Length: > 0 } k ? k : $"hostile{i}";
            var actor = new Actor
            {
                Name = p, Slug = Slug.Parse($"hostile-actor-{i}"), Description = p,
                Aliases = [new ActorAlias { Name = p, Key = key, Origin = "editor" }],
            };
            var incident = new Incident
            {
                Name = p, Slug = Slug.Parse($"hostile-incident-{i}"), Summary = p, Scale = p, Type = IncidentType.Espionage,
                StartDate = PartialDate.OfDay(2020, 1, 1),
                Aliases = [new IncidentAlias { Name = p, Key = key }],
                Victims = [new IncidentVictim { Name = p }],
            };
            var party = new Party
            {
                Name = p, Slug = Slug.Parse($"hostile-party-{i}"), Kind = PartyKind.Official, Role = p, PersonName = p, Description = p,
                StateCode = CountryCode.Parse("NZ"),
            };
            // The quote sits inside the source text, so the source page marks its span.
            var text = SourceText.Normalise($"Release {i}. An official said: {p} That was all.");
            var source = new Source
            {
                Title = p, Publisher = p, Url = p, Language = "en", Text = text, TextSha256 = SourceText.Fingerprint(text),
                PublishedOn = PartialDate.OfDay(2020, 2, 1),
            };
            var start = text.IndexOf(p.Trim(), StringComparison.Ordinal);
            var statement = new AttributionStatement
            {
                Kind = StatementKind.Attribution, Parties = [new StatementParty { Party = party, Position = 0 }],
                Incident = incident, AccusedActor = actor, Confidence = new Confidence(ConfidenceLevel.Likely, p),
                Date = PartialDate.OfDay(2020, 2, 1), Quote = p, Source = source,
                SpanStart = start >= 0 ? start : null, SpanEnd = start >= 0 ? start + p.Trim().Length : null, Notes = p,
                // Every other statement withdrawn, so the retraction reason is shown too.
                RetractedAt = i % 2 == 1 ? DateTime.UtcNow : null, RetractedBy = i % 2 == 1 ? "editor@example.org" : null,
                RetractionReason = i % 2 == 1 ? p : null,
            };
            db.Statements.Add(statement);
            statements.Add(statement);
        }

        await db.SaveChangesAsync();

        // A second save gives every statement a history entry that carries the payload (notes changed).
        foreach (var s in statements)
        {
            s.Notes = s.Quote + "\n\n" + s.Quote;
        }

        await db.SaveChangesAsync();
        return [.. statements.Select(s => new HostileRecords(s.Incident!.Slug.Value, s.AccusedActor!.Slug.Value, s.Parties[0].Party!.Slug.Value, s.SourceId!.Value, s.Id))];
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await factory.DisposeAsync();
    }
}

public sealed record HostileRecords(string Incident, string Actor, string Party, int Source, int Statement);
