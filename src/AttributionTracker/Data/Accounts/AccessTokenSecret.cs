using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AttributionTracker.Data.Accounts;

/// <summary>
/// The shape of a personal access token: <c>atr_</c> and 32 random bytes in base64url (43 characters). The prefix
/// lets secret scanners and people recognise a leaked one; the store keeps only the SHA-256 hash, and a random
/// 256-bit secret needs no salt or slow hash, since nobody can guess their way to it.
/// </summary>
public static class AccessTokenSecret
{
    public const string Prefix = "atr_";

    private const int SecretBytes = 32;

    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(SecretBytes);

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Whether the text can be a token at all (checked before any lookup).</summary>
    public static bool IsWellFormed(string? text) =>
        text is not null && text.Length == Length && text.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(text.AsSpan(Prefix.Length), out var decoded) && decoded == SecretBytes;

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
