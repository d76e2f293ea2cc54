using AttributionTracker.Domain;

namespace AttributionTracker.Import;

/// <summary>
/// What makes an extraction unfit to store against an article's text: a span outside the text, a quote that is not
/// the text at its span, a reference to a record or statement the extraction does not hold, a value that does not
/// parse. The extractor's own output always passes; a reviewed extraction (statements rejected, fields corrected)
/// must too before anything is written.
/// </summary>
public static class ExtractionCheck
{
    private static readonly string[] Kinds = ["attribution", "denial"];

    /// <returns>One sentence per problem, naming the record ("statement s3: …"); empty when the extraction is sound.</returns>
    public static IReadOnlyList<string> Problems(string text, Extraction extraction)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(extraction);
        var problems = new List<string>();

        var actors = Ids(extraction.Actors.Select(a => a.Id), "actor", problems);
        var parties = Ids(extraction.Parties.Select(p => p.Id), "party", problems);
        var incidents = Ids(extraction.Incidents.Select(i => i.Id), "incident", problems);
        var statements = Ids(extraction.Statements.Select(s => s.Id), "statement", problems);

        foreach (var a in extraction.Actors)
        {
            Named($"actor {a.Id}", a.Name, problems);
            Spans($"actor {a.Id}", a.Mentions, text.Length, problems);
        }

        foreach (var p in extraction.Parties)
        {
            Named($"party {p.Id}", p.Name, problems);
            Spans($"party {p.Id}", p.Mentions, text.Length, problems);
        }

        foreach (var i in extraction.Incidents)
        {
            Named($"incident {i.Id}", i.Name, problems);
            Spans($"incident {i.Id}", i.Mentions, text.Length, problems);
            if (i.Date is not null && !PartialDate.TryParse(i.Date, out _))
            {
                problems.Add($"incident {i.Id}: \"{i.Date}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
        }

        foreach (var s in extraction.Statements)
        {
            var what = $"statement {s.Id}";
            if (!Kinds.Contains(s.Kind))
            {
                problems.Add($"{what}: kind \"{s.Kind}\" is neither attribution nor denial");
            }

            if (s.Start < 0 || s.End > text.Length || s.Start >= s.End)
            {
                problems.Add($"{what}: its span {s.Start}–{s.End} is not inside the article's {text.Length} characters");
            }
            else if (!string.Equals(text[s.Start..s.End], s.Quote, StringComparison.Ordinal))
            {
                problems.Add($"{what}: its quote is not the article's text at {s.Start}–{s.End}");
            }

            if (s.Party is null)
            {
                problems.Add($"{what}: it has no party");
            }

            Refers(what, "party", s.Party, parties, problems);
            Refers(what, "actor", s.Actor, actors, problems);
            Refers(what, "incident", s.Incident, incidents, problems);
            if (s.State is not null && !CountryCode.TryParse(s.State, out _))
            {
                problems.Add($"{what}: \"{s.State}\" is not a state code");
            }

            if (s.Confidence is not null && !ConfidenceLevels.TryParseTerm(s.Confidence, out _))
            {
                problems.Add($"{what}: \"{s.Confidence}\" is not a term of the PHIA yardstick");
            }

            if (s.Date is not null && !PartialDate.TryParse(s.Date, out _))
            {
                problems.Add($"{what}: \"{s.Date}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }

            foreach (var answered in s.Answers)
            {
                if (answered == s.Id)
                {
                    problems.Add($"{what}: it answers itself");
                }
                else if (!statements.Contains(answered))
                {
                    problems.Add($"{what}: it answers statement {answered}, which is not kept");
                }
            }
        }

        return problems;
    }

    private static HashSet<string> Ids(IEnumerable<string> ids, string what, List<string> problems)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!set.Add(id))
            {
                problems.Add($"{what} id {id} is used twice");
            }
        }

        return set;
    }

    private static void Named(string what, string? name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{what}: the name is empty");
        }
    }

    private static void Spans(string what, IReadOnlyList<int[]> spans, int length, List<string> problems)
    {
        if (spans.Any(m => m is not [var start, var end] || start < 0 || end > length || start >= end))
        {
            problems.Add($"{what}: a mention lies outside the article's {length} characters");
        }
    }

    private static void Refers(string what, string kind, string? id, HashSet<string> ids, List<string> problems)
    {
        if (id is not null && !ids.Contains(id))
        {
            problems.Add($"{what}: there is no {kind} {id}");
        }
    }
}
