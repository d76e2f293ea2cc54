using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// On a large store the home page's matrix takes seconds to count after a start or a write. Readers are not held
/// that long: past Home:MatrixWait the page comes without it, says so, is not cached and reloads; once counted, the
/// matrix is there.
/// </summary>
public sealed class HomeMatrixWaitTests
{
    // Without the wait the first request would hang on the held query: fail then, not hang the run.
    [Fact(Timeout = 120_000)]
    public async Task While_the_matrix_is_being_counted_the_home_page_answers_without_it_and_reloads_until_it_is_there()
    {
        var ct = TestContext.Current.CancellationToken;
        var counting = new HeldMatrixQuery();
        await using var store = new AttributionWebFactory();
        await using var app = store.WithWebHostBuilder(web => web
            .UseSetting("Home:MatrixWait", "00:00:00.2")
            .ConfigureTestServices(services => services.AddSingleton<IInterceptor>(counting)));
        var reader = app.CreateClient();

        using var pending = await reader.GetAsync("/", ct);
        var pendingPage = await HtmlPage.ParseAsync(pending);

        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Contains("still being counted", pendingPage.Text(".matrix-pending"), StringComparison.Ordinal);
        Assert.Null(pendingPage.Document.QuerySelector("table.matrix"));
        Assert.NotEmpty(pendingPage.Document.QuerySelectorAll("table.statements tbody tr"));
        Assert.Contains("no-store", pending.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("3", string.Join(',', pending.Headers.GetValues("Refresh")));

        counting.Release();
        HtmlPage page;
        do
        {
            page = await HtmlPage.GetAsync(reader, "/");
        }
        while (page.Document.QuerySelector(".matrix-pending") is not null && !ct.IsCancellationRequested);

        Assert.NotNull(page.Document.QuerySelector("table.matrix"));
        Assert.Contains(page.Document.QuerySelectorAll("table.matrix th[scope=row]"), th => th.TextContent.Trim() == "United Kingdom");
    }

    /// <summary>Holds the matrix's counting query (and only it) until released, as a million statements would.</summary>
    private sealed class HeldMatrixQuery : DbCommandInterceptor
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => released.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("AS \"Accuser\"", StringComparison.Ordinal))
            {
                await released.Task;
            }

            return result;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            if (command.CommandText.Contains("AS \"Accuser\"", StringComparison.Ordinal))
            {
                released.Task.Wait();
            }

            return result;
        }
    }
}
