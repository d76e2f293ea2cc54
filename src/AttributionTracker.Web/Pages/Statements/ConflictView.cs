using AttributionTracker.Domain;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>Two versions of a statement side by side: what is stored now (theirs) and what this editor submitted (yours).</summary>
public sealed record ConflictView(StatementView? Theirs, IReadOnlyList<ConflictRow> Rows)
{
    public bool Deleted => Theirs is null;

    public static ConflictView Compare(StatementView? theirs, StatementInput yours)
    {
        string Date(string? text) => PartialDate.TryParse(text, out var d) ? d.ToString() : text?.Trim() ?? "";
        string Confidence(string? term) => ConfidenceLevels.TryParseTerm(term, out var l) ? l.ToLabel() : "not stated";
        var yourAnswers = yours.Answers.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat((yours.AnswersOther ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(a => a.TrimStart('#')))
            .Distinct().Order(StringComparer.Ordinal);
        var rows = new List<ConflictRow>
        {
            new("Kind", theirs?.Kind.ToString() ?? "", yours.Kind.ToString()),
            new("Parties", theirs is null ? "" : string.Join(", ", theirs.Parties.Select(p => p.Name)), string.Join(", ", yours.Parties.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => p.Name!.Trim()))),
            new("Accused actor", theirs?.AccusedActor?.Name ?? "", yours.AccusedActor.Name?.Trim() ?? ""),
            new("Accused state", theirs?.AccusedState?.Value ?? "", yours.AccusedState?.Trim().ToUpperInvariant() ?? ""),
            new("Incident", theirs?.Incident?.Name ?? "", yours.Incident.Name?.Trim() ?? ""),
            new("Confidence", theirs?.Confidence.Level?.ToLabel() ?? "not stated", Confidence(yours.Confidence)),
            new("In the party's words", theirs?.Confidence.Wording ?? "", yours.ConfidenceWording?.Trim() ?? ""),
            new("Date", theirs?.Date?.ToString() ?? "", Date(yours.Date)),
            new("Quote", theirs?.Quote ?? "", yours.Quote?.Trim() ?? ""),
            new("Source", theirs?.SourceTitle ?? "", yours.Source.Name?.Trim() ?? ""),
            new("Answers", theirs is null ? "" : string.Join(", ", theirs.Answers.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)), string.Join(", ", yourAnswers)),
            new("Notes", theirs?.Notes ?? "", yours.Notes?.Trim() ?? ""),
        };
        return new ConflictView(theirs, rows);
    }
}

public sealed record ConflictRow(string Field, string Theirs, string Yours)
{
    public bool Differs => !string.Equals(Theirs, Yours, StringComparison.Ordinal);
}
