using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttributionTracker.Cli.Infrastructure;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Interop.Stix;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands.Stix;

internal sealed class StixExportCommand(StoreFactory stores, IAnsiConsole console) : AsyncCommand<StixExportCommand.Settings>
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--incident <SLUG>")]
        [Description("Export one incident with its statements, their parties, the accused, sources and the denials that answer them.")]
        public string? Incident { get; init; }

        [CommandOption("--actor <SLUG>")]
        [Description("Export one actor with the statements accusing it, its related actors, and everything around them.")]
        public string? Actor { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Write the bundle to this file instead of standard output.")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        StixScope scope;
        if (settings.Incident is not null && settings.Actor is not null)
        {
            console.MarkupLine("[red]error:[/] give --incident or --actor, not both");
            return 2;
        }
        else if ((settings.Incident ?? settings.Actor) is { } text)
        {
            if (!Slug.TryParse(text, out var slug))
            {
                console.MarkupLineInterpolated($"[red]error:[/] '{text}' is not a slug (lower-case letters, digits and single hyphens)");
                return 2;
            }

            scope = settings.Incident is not null ? StixScope.ForIncident(slug) : StixScope.ForActor(slug);
        }
        else
        {
            scope = StixScope.Store;
        }

        await using var provider = stores.Create(settings);
        await using var scopeServices = provider.CreateAsyncScope();
        await scopeServices.ServiceProvider.GetRequiredService<StoreInitializer>().InitializeAsync(cancellationToken);
        var db = scopeServices.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var bundle = await new StixExporter(db).ExportAsync(scope, cancellationToken);
        if (bundle is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] no {scope.Kind.ToString().ToLowerInvariant()} '{scope.Slug}'");
            return 1;
        }

        var json = bundle.ToJsonString(Json);
        if (settings.Output is null)
        {
            await Console.Out.WriteLineAsync(json);
            return 0;
        }

        try
        {
            await File.WriteAllTextAsync(settings.Output, json + "\n", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {settings.Output}: {e.Message}");
            return 1;
        }

        console.MarkupLineInterpolated($"{settings.Output}: {bundle["objects"]?.AsArray().Count ?? 0} STIX objects.");
        return 0;
    }
}
