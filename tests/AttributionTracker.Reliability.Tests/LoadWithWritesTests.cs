using System.Diagnostics;
using System.Globalization;
using AttributionTracker.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Reliability.Tests;

[Collection(HeavyLoad.Name)]
public sealed class LoadWithWritesTests
{
    /// <summary>How long the readers run, in seconds (default <see cref="DefaultSeconds"/>; the figures are of 60).</summary>
    public const string SecondsVariable = "ATTRIBUTION_LOAD_SECONDS";

    // Long enough for several imports to overlap many thousands of reads in the test suite; a longer soak sets the variable.
    private const int DefaultSeconds = 20;

    private const int Connections = 64;
    // Small batches keep the writer busy through the whole window (a new process, a new transaction per article) and
    // the last one, which may outlast the window, short.
    private const int ArticlesPerImport = 20;

    [Fact]
    public async Task Sixty_four_readers_get_every_page_while_another_process_imports_and_every_article_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var window = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : DefaultSeconds);
        using var temp = new TempFolder();
        await using var app = new AttributionWebFactory();
        app.UseKestrel(0);
        app.StartServer();
        var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        // The first import runs before the load, so the pages read have the corpus's incidents, actors and parties.
        var files = new List<string>(ArticleFolder.Write(temp.Path("batch-000"), ArticlesPerImport));
        var first = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "import", temp.Path("batch-000"), "--data-folder", app.DataFolder);
        Assert.True(first.ExitCode == 0, first.Output);
        var urls = await PagesToReadAsync(app.DataFolder, ct);

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, AllowAutoRedirect = false };
        // HttpClient's default timeout (100 s): a request slower than that counts as failed.
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };

        // Each page once before the clock starts: the figures are of a warm server, not of first-request compilation.
        foreach (var url in urls)
        {
            using var warm = await client.GetAsync(url, ct);
            Assert.True((int)warm.StatusCode < 400, $"{(int)warm.StatusCode} {url}");
        }

        var failures = new List<string>();
        var latencies = new List<(int Page, double Ms)>[Connections];
        var clock = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            for (var n = worker; clock.Elapsed < window; n++)
            {
                var page = n % urls.Count;
                var url = urls[page];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    mine.Add((page, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                    if ((int)response.StatusCode >= 400)
                    {
                        lock (failures)
                        {
                            failures.Add($"{(int)response.StatusCode} {url}");
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    lock (failures)
                    {
                        failures.Add($"{e.GetType().Name} {url}: {e.Message}");
                    }
                }
            }
        }, ct)).ToList();

        // The writer: the command line importing a new folder of articles, again and again until the readers stop.
        var imports = 1;
        var importFailures = new List<string>();
        var writer = Task.Run(async () =>
        {
            while (clock.Elapsed < window)
            {
                var batch = temp.Path($"batch-{imports:D3}");
                files.AddRange(ArticleFolder.Write(batch, ArticlesPerImport, firstNumber: imports * ArticlesPerImport));
                var run = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "import", batch, "--data-folder", app.DataFolder);
                if (run.ExitCode != 0)
                {
                    importFailures.Add(run.Output);
                }

                imports++;
            }
        }, ct);

        await Task.WhenAll(readers);
        var readTime = clock.Elapsed;
        await writer;
        var all = latencies.SelectMany(l => l).ToList();
        var figures = LoadFigures.From([.. all.Select(l => l.Ms)], readTime);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{Connections} readers over {urls.Count} pages while {imports - 1} imports of {ArticlesPerImport} articles ran: {figures}");
        foreach (var slow in all.GroupBy(l => urls[l.Page]).Select(g => (Url: g.Key, Figures: LoadFigures.From([.. g.Select(l => l.Ms)], readTime))).OrderByDescending(p => p.Figures.P50Ms).Take(5))
        {
            output?.WriteLine($"  slowest pages: {slow.Url}: {slow.Figures}");
        }

        Assert.Empty(importFailures);
        Assert.True(failures.Count == 0, $"{failures.Count} of {figures.Requests} requests failed, first ones:\n" + string.Join('\n', failures.Take(20)));

        var expected = new ImportedArticles(files);
        await using var db = Store.OpenReadOnly(app.DataFolder);
        var stored = await expected.InStoreAsync(db, ct);
        Assert.Equal(files.Count, stored.Count);
        Assert.All(stored, a =>
        {
            Assert.Equal(1, a.Copies);
            Assert.Equal(expected.ExpectedStatements[a.File], a.Statements);
        });
    }

    /// <summary>The mix a reader of the site asks for: lists with filters, each kind of record page, search, the API and the feed.</summary>
    private static async Task<IReadOnlyList<string>> PagesToReadAsync(string dataFolder, CancellationToken ct)
    {
        await using var db = Store.OpenReadOnly(dataFolder);
        var incidents = (await db.Incidents.AsNoTracking().OrderBy(i => i.Id).Select(i => i.Slug).Take(8).ToListAsync(ct)).Select(x => "/incidents/" + x.Value);
        var actors = (await db.Statements.AsNoTracking().Where(st => st.AccusedActor != null).Select(st => st.AccusedActor!.Slug).Distinct().Take(6).ToListAsync(ct)).Select(x => "/actors/" + x.Value);
        var parties = (await db.Statements.AsNoTracking().SelectMany(st => st.Parties).Select(p => p.Party!.Slug).Distinct().Take(6).ToListAsync(ct)).Select(x => "/parties/" + x.Value);
        var sources = (await db.Sources.AsNoTracking().OrderBy(x => x.Id).Select(x => x.Id).Take(6).ToListAsync(ct)).Select(id => "/sources/" + id.ToString(CultureInfo.InvariantCulture));
        string[] fixedPages =
        [
            "/", "/incidents", "/incidents?accused=RU", "/incidents?accused=CN&sort=date", "/incidents?kind=denial", "/incidents?year=2017",
            "/states/RU", "/states/CN", "/states/KP", "/search?q=russia", "/search?q=ciberataque", "/api/v1/incidents",
            "/api/v1/incidents?accused=CN", "/feeds/statements.atom",
        ];
        return [.. fixedPages, .. incidents, .. actors, .. parties, .. sources];
    }
}
