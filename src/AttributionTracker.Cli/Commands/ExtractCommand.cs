using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AttributionTracker.Cli.Commands;

/// <summary>Prints what the importer finds in an article, as JSON, without touching the store.</summary>
internal sealed class ExtractCommand(IAnsiConsole console) : Command<ExtractCommand.Settings>
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed class Settings : ArticleSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("An article: plain text, Markdown or HTML; UTF-8, UTF-16 or Windows-1252; English or Spanish.")]
        public required string File { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var article = ArticleReader.ReadFile(settings.File, settings.ToOptions());
            var extraction = Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn);

            // JSON goes straight to stdout: it is meant for other programs, not for the console's markup.
            Console.Out.WriteLine(JsonSerializer.Serialize(extraction, Json));
            return 0;
        }
        catch (ArticleReadException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}

/// <summary>What the caller can tell about an article that its text may lack.</summary>
public class ArticleSettings : CommandSettings
{
    [CommandOption("--date <DATE>")]
    [Description("The article's publication date (2021-07-19), used to resolve \"last year\", \"el lunes\"...")]
    public string? Date { get; init; }

    [CommandOption("--language <LANG>")]
    [Description("en or es, instead of detecting it.")]
    public string? Language { get; init; }

    [CommandOption("--title <TITLE>")]
    public string? Title { get; init; }

    public override ValidationResult Validate()
    {
        if (Date is not null && !PartialDate.TryParse(Date, out _))
        {
            return ValidationResult.Error($"--date: '{Date}' is not a date such as 2021-07-19.");
        }

        return Language is null or "en" or "es" ? ValidationResult.Success() : ValidationResult.Error("--language must be en or es.");
    }

    public ArticleReadOptions ToOptions() => new()
    {
        Language = Language,
        Title = Title,
        PublishedOn = PartialDate.TryParse(Date, out var date) ? date : null,
    };
}
