using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Api;

/// <summary>When the store fails mid-request, an API client gets a 500 problem with a reference, not the error page or a stack trace.</summary>
public sealed class ApiFailureTests
{
    [Fact]
    public async Task A_failure_is_a_500_problem_with_a_reference_and_no_stack_trace()
    {
        await using var app = new AttributionWebFactory();
        await using var failing = app.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IInterceptor, FailingStore>()));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Add(FailingStore.Header, "1");

        using var response = await client.GetAsync("/api/v1/statements", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("reference", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingStore.Message, body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Fails every query of a request that carries <see cref="Header"/>; start-up and other requests run normally.</summary>
    private sealed class FailingStore(IHttpContextAccessor http) : DbCommandInterceptor
    {
        public const string Header = "X-Test-Fail-Store";
        public const string Message = "Simulated store failure";

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            http.HttpContext?.Request.Headers.ContainsKey(Header) == true
                ? throw new InvalidOperationException(Message)
                : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            http.HttpContext?.Request.Headers.ContainsKey(Header) == true
                ? throw new InvalidOperationException(Message)
                : ValueTask.FromResult(result);
    }
}
