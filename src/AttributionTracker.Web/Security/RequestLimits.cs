using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AttributionTracker.Web.Security;

/// <summary>
/// How much one request may carry: enough for an imported article (up to 5 MB, even URL-encoded as a pasted form
/// field) with room to spare, not enough to tie up the server. A larger request gets the 413 status page, which says
/// what the limit is.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public static string MaxBodyText => FormatSize(MaxBodyBytes);

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MaxBodyBytes;

            // The default (4 MB) would refuse a 5 MB article pasted into a text area.
            form.ValueLengthLimit = (int)MaxBodyBytes;
        });
        return services;
    }

    /// <summary>
    /// Refuses a declared Content-Length over the limit before anything reads the body, and turns the server's own
    /// refusal of a longer body (sent in chunks) into the same 413 page. Use it inside the status-code pages.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // The status page, re-executed for this very request, must not be refused in turn.
            if (context.Request.ContentLength > MaxBodyBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                TooLarge(context, context.Request.ContentLength);
                return;
            }

            // Whoever reads the body (the form reader, the antiforgery check) may turn the server's 413 into
            // another error (a missing token: 400); watching the body itself tells what really happened.
            var body = new RefusedBodyWatch(context.Request.Body);
            context.Request.Body = body;
            try
            {
                await next(context);
            }
            catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                TooLarge(context, null);
                return;
            }

            if (body.Refused && !context.Response.HasStarted)
            {
                TooLarge(context, null);
            }
        });

    private static void TooLarge(HttpContext context, long? size)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;

        // The re-executed status page must not try to read the body it was refused for.
        context.Request.Headers.ContentType = default;
        context.Items[StatusMessage.Key] = size is { } bytes
            ? $"What you sent ({FormatSize(bytes)}) is larger than the {MaxBodyText} this site accepts in one request. Nothing was saved: send a smaller file or a shorter text."
            : $"What you sent is larger than the {MaxBodyText} this site accepts in one request. Nothing was saved: send a smaller file or a shorter text.";
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
            : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}

/// <summary>A request body that remembers whether the server refused it for its size.</summary>
internal sealed class RefusedBodyWatch(Stream inner) : Stream
{
    public bool Refused { get; private set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Watch(() => inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refused = true;
            throw;
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Watch(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refused = true;
            throw;
        }
    }
}
