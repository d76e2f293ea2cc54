using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace AttributionTracker.Web.Pages.Import;

/// <summary>
/// What a review form carries between preview and commit instead of a server session: the article as read and the
/// extraction as the extractor made it. Sealed with Data Protection, so an editor's corrections can only choose among
/// what the extractor found — spans, quotes and ids cannot be forged.
/// </summary>
public sealed record ReviewPayload(string Text, string Language, string? Title, string? Published, string? Url, ArticleFormat Format, string ImportedFrom, Extraction Extraction)
{
    public static ReviewPayload From(ArticleText article, string importedFrom, Extraction extraction) =>
        new(article.Text, article.Language, article.Title, article.PublishedOn?.ToString(), article.Url, article.Format, importedFrom, extraction);

    public ArticleText Article => new(Text, Language, Title, PartialDate.TryParse(Published, out var date) ? date : null, Format, Url);
}

/// <summary>Seals and opens <see cref="ReviewPayload"/>s; compressed first, since the article text rides in every post.</summary>
public sealed class ReviewPayloadProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "AttributionTracker.ImportReview";

    // A review left open overnight can still be committed; one from last week is read again.
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    public string Protect(ReviewPayload payload)
    {
        using var buffer = new MemoryStream();
        using (var zip = new BrotliStream(buffer, CompressionLevel.Fastest))
        {
            JsonSerializer.Serialize(zip, payload, Json);
        }

        return WebEncoders.Base64UrlEncode(protector.Protect(buffer.ToArray(), Lifetime));
    }

    /// <returns>Null when the payload was altered, is older than a day, or was sealed with keys this server no longer has.</returns>
    public ReviewPayload? Unprotect(string? sealedPayload)
    {
        if (string.IsNullOrEmpty(sealedPayload))
        {
            return null;
        }

        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(sealedPayload), out _);
            using var zip = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
            var payload = JsonSerializer.Deserialize<ReviewPayload>(zip, Json);
            return payload is null ? null : payload with { Extraction = payload.Extraction with { Text = payload.Text } };
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
