namespace AttributionTracker.Search;

/// <summary>
/// Text in runs, each matched or not, so a page can render matches as <c>&lt;mark&gt;</c> while its engine encodes
/// every character: the text never reaches HTML raw.
/// </summary>
public sealed record HighlightedText(IReadOnlyList<TextRun> Runs)
{
    /// <summary>Private-use characters the index wraps matches in; they do not occur in stored text.</summary>
    public const char Open = '\uE000';

    public const char Close = '\uE001';

    public static HighlightedText Empty { get; } = new([]);

    public bool IsEmpty => Runs.Count == 0;

    public bool HasMatch => Runs.Any(r => r.IsMatch);

    public string PlainText => string.Concat(Runs.Select(r => r.Text));

    /// <summary>Splits text marked with <see cref="Open"/> and <see cref="Close"/>; a stray marker is dropped, never shown.</summary>
    public static HighlightedText Parse(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return Empty;
        }

        var runs = new List<TextRun>();
        var start = 0;
        var inMatch = false;
        for (var i = 0; i <= marked.Length; i++)
        {
            var end = i == marked.Length;
            if (!end && marked[i] != Open && marked[i] != Close)
            {
                continue;
            }

            if (i > start)
            {
                runs.Add(new TextRun(marked[start..i], inMatch));
            }

            if (!end)
            {
                inMatch = marked[i] == Open;
            }

            start = i + 1;
        }

        return new HighlightedText(runs);
    }

    public override string ToString() => PlainText;
}

public sealed record TextRun(string Text, bool IsMatch);
