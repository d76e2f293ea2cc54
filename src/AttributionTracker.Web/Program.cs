using AttributionTracker.Data;
using AttributionTracker.Web;
using AttributionTracker.Web.Accounts;
using AttributionTracker.Web.Api;
using AttributionTracker.Web.Api.Write;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Caching;
using AttributionTracker.Web.Feeds;
using AttributionTracker.Web.Pages.Editing;
using AttributionTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot and library assets from the build output in every environment (tests run as Production); a
// published app has them in its own wwwroot and no manifest, so this changes nothing there.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.File(
        Path.Combine(LogFolder.Resolve(builder.Configuration), "web-.log"),
        rollingInterval: RollingInterval.Day,
        retainedFileCountLimit: 14,
        outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"),
    // Each host keeps its own logger (tests run several in one process); nothing here uses the static Log.Logger.
    preserveStaticLogger: true);

builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.ConfigureFilter(new AsOfPageFilter());
    pages.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ChangedByPageFilter)));
    pages.Conventions.AddEditingRoutes();
});
builder.Services.AddScoped<ChangedByPageFilter>();
builder.Services.AddAttributionStore(builder.Configuration);
builder.Services.AddAttributionAccounts();
builder.Services.AddAccessTokens();
builder.Services.AddRequestLimits();
builder.Services.AddSingleton<AttributionTracker.Web.Markdown.MarkdownRenderer>();
builder.Services.AddOpenApi();
builder.Services.AddAttributionApi();
builder.Services.AddPublicPageCache();

builder.Services.AddStoreStartup();

var app = builder.Build();
StartupClock.HostBuilt = StartupClock.Elapsed;

// First: a request that arrives while the store is still being checked waits here (StoreStartup).
app.UseStoreGate();

// HSTS everywhere but on a developer's machine, where a remembered https-only localhost gets in the way.
app.UseSecurityHeaders(strictTransportSecurity: !app.Environment.IsDevelopment());

// In every environment: readers never see a stack trace; the log has it.
app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Status/{0}");
app.UseApiProblemResponses();
app.UseRequestLimits();
app.UseSerilogRequestLogging();

app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseBenchStaticFiles(app.Configuration);
app.UseOutputCache();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapAttributionApi();
app.MapWriteApi();
app.MapInteropDownloads();
app.MapAtomFeeds();

var store = app.Services.GetRequiredService<StoreStartup>();
app.Run();
return store.Failed ? 1 : 0;
