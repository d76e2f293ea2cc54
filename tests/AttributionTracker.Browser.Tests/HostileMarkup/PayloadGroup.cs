namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>
/// The payloads stored together in one set of records: every <see cref="HostileMarkupApp.GroupCount"/>th payload
/// of the corpus, joined by blank lines (each payload starts a line, as a Markdown reference definition needs).
/// </summary>
public sealed record PayloadGroup(int Number, IReadOnlyList<string> Payloads)
{
    public string Text { get; } = string.Join("\n\n", Payloads);

    /// <summary>
    /// Group <paramref name="number"/>, led by the payload that only counts at the start of a value if it has one:
    /// a spreadsheet formula (a CSV cell starting with it) or a bare script address (a link's whole href).
    /// </summary>
    public static PayloadGroup Of(int number) => new(number, [.. HostileMarkupApp.Payloads
        .Where((_, i) => i % HostileMarkupApp.GroupCount == number)
        .OrderBy(p => CountsOnlyAtTheStart(p) ? 0 : 1)]);

    /// <summary>As many of the payloads as fit in <paramref name="maxLength"/> characters, from the <paramref name="first"/>th on, round.</summary>
    public string Fill(int maxLength, int first)
    {
        var taken = new List<string>();
        for (var i = 0; i < Payloads.Count; i++)
        {
            var next = Payloads[(first + i) % Payloads.Count];
            if (string.Join("\n\n", [.. taken, next]).Length <= maxLength)
            {
                taken.Add(next);
            }
        }

        return string.Join("\n\n", taken);
    }

    private static bool CountsOnlyAtTheStart(string payload) =>
        payload[0] is '=' or '+' or '-' or '@' || payload.Replace("\u200b", "", StringComparison.Ordinal).StartsWith("javascript:", StringComparison.Ordinal);
}
