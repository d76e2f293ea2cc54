namespace AttributionTracker.Web.Security;

/// <summary>
/// Headers that tell the browser what this site never does: run inline or foreign scripts and styles, be framed,
/// leak full addresses to other sites, or use the camera. Set on every response, error pages and static files included.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Everything from this origin only; no inline script or style (so an injected &lt;script&gt; or style="" does
    /// nothing); data: images for Bootstrap's icons; forms post only here; no plugins; never inside a frame.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>One year; a browser that once saw the site over https keeps to https.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>
    /// Adds the headers as the response starts, so they survive the exception handler and the status-code pages
    /// (which clear or replace the response) and reach static files too. Use it first in the pipeline.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool strictTransportSecurity) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (strictTransportSecurity && context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
