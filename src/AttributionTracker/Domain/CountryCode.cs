namespace AttributionTracker.Domain;

/// <summary>An ISO 3166-1 alpha-2 code in upper case ("CN", "GB").</summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out CountryCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }

        var t = text.Trim();
        if (t.Length != 2 || !char.IsAsciiLetter(t[0]) || !char.IsAsciiLetter(t[1]))
        {
            return false;
        }

        code = new CountryCode(t.ToUpperInvariant());
        return true;
    }

    public static CountryCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an ISO 3166-1 alpha-2 country code.");

    public override string ToString() => Value ?? string.Empty;
}
