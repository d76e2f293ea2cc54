using System.Text;

namespace AttributionTracker.Domain;

/// <summary>The URL name of a record: lower-case ASCII letters, digits and single hyphens.</summary>
public readonly record struct Slug
{
    public const int MaxLength = 120;

    private Slug(string value) => Value = value;

    public string Value { get; }

    /// <summary>Makes a slug from any name ("Ministerio de Seguridad del Estado (MSS)" → "ministerio-de-seguridad-del-estado-mss").</summary>
    public static Slug From(string name)
    {
        var folded = TextFolding.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return new Slug(slug.Length == 0 ? "unnamed" : slug);
    }

    /// <summary>Accepts only text that already is a slug, for values read back from URLs and storage.</summary>
    public static bool TryParse(string? text, out Slug slug)
    {
        slug = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text[0] == '-' || text[^1] == '-' || text.Contains("--", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        slug = new Slug(text);
        return true;
    }

    public static Slug Parse(string text) =>
        TryParse(text, out var slug) ? slug : throw new FormatException($"'{text}' is not a slug (lower-case letters, digits and single hyphens).");

    /// <summary>The slug with a numeric suffix, for a second record of the same name ("apt28-2").</summary>
    public Slug WithSuffix(int n)
    {
        var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stem = Value.Length + suffix.Length > MaxLength ? Value[..(MaxLength - suffix.Length)].TrimEnd('-') : Value;
        return new Slug(stem + suffix);
    }

    public override string ToString() => Value ?? string.Empty;
}
