using System.Net;
using System.Text;

namespace AttributionTracker.Browser.Tests;

/// <summary>The body limit as the real server (Kestrel) applies it, to a body sent in chunks with no declared length.</summary>
public sealed class RequestLimitTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_chunked_body_over_10_MB_gets_the_413_page()
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        var body = new ChunkedContent(Encoding.ASCII.GetBytes("Email=a%40example.org&Password=" + new string('x', 11 * 1024 * 1024)));

        using var response = await client.PostAsync("/account/login", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 10 MB this site accepts", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>Form content without a Content-Length header, so only reading the body can find it too large.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] bytes;

        public ChunkedContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new("application/x-www-form-urlencoded");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
