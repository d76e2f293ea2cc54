using System.ComponentModel;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Sources;

namespace AttributionTracker.Web.Api;

/// <summary>An archived article or release: where it came from, the statements read from it, and (on request) its text.</summary>
public sealed record ApiSource(
    int Id,
    string Title,
    string? Publisher,
    [property: Description("Where it was published, as recorded (not necessarily a web address).")] string? Url,
    string Language,
    ApiDate? PublishedOn,
    [property: Description("The statements read from it (public on the as-of day), in text order, with their spans.")] IReadOnlyList<ApiSourceStatement> Statements,
    [property: Description("The text exactly as stored (spans index into it); only with include=text.")] string? Text,
    ApiSourceLinks Links)
{
    public static ApiSource From(SourceView source, IReadOnlyList<ApiSourceStatement> statements, bool withText, ApiAddresses addresses)
    {
        var links = addresses.Source(source.Id);
        return new ApiSource(
            source.Id,
            source.Title,
            source.Publisher,
            source.Url,
            source.Language,
            ApiDate.From(source.PublishedOn),
            statements,
            withText ? source.Text : null,
            new ApiSourceLinks(links.Self, links.Html, addresses.Api($"/sources/{source.Id}", new KeyValuePair<string, string>(SourceEndpoints.IncludeName, SourceEndpoints.Text))));
    }
}

/// <summary>A statement read from the source, and its character span in the text (end exclusive).</summary>
public sealed record ApiSourceStatement(int Id, StatementKind Kind, int? SpanStart, int? SpanEnd, ApiLinks Links);

/// <summary>The source's addresses, and the same record with its text.</summary>
public sealed record ApiSourceLinks(string Self, string Html, string WithText);
