using AttributionTracker.Domain;
using AttributionTracker.Import;
using AttributionTracker.Import.Reading;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AttributionTracker.Web.Pages.Import;

/// <summary>The review form: the sealed payload plus the editor's decision and corrections for each extracted record.</summary>
public sealed class ReviewInput
{
    private const int MaxTitle = 300;

    public string Payload { get; set; } = "";

    /// <summary>The source's title: not part of what is extracted, so the editor may write any.</summary>
    public string? Title { get; set; }

    public List<StatementEdit> Statements { get; set; } = [];

    public List<NameEdit> Parties { get; set; } = [];

    public List<NameEdit> Incidents { get; set; } = [];

    /// <summary>The form as the extractor left it: every statement accepted, nothing corrected.</summary>
    public static ReviewInput Initial(string payload, string? title, Extraction extraction) => new()
    {
        Payload = payload,
        Title = title,
        Statements = [.. extraction.Statements.Select(s => new StatementEdit
        {
            Id = s.Id,
            Keep = true,
            Kind = s.Kind,
            Party = s.Party,
            Actor = s.Actor,
            State = s.State,
            Incident = s.Incident,
            Confidence = s.Confidence,
            ConfidenceText = s.ConfidenceText,
            Date = s.Date,
        })],
        Parties = [.. extraction.Parties.Select(p => new NameEdit { Id = p.Id, Name = p.Name })],
        Incidents = [.. extraction.Incidents.Select(i => new NameEdit { Id = i.Id, Name = i.Name })],
    };

    /// <summary>
    /// The extraction as the editor left it. Each field that cannot be right (a date that is not one, an unknown state)
    /// is reported beside that field; the extraction is returned only when there were none.
    /// </summary>
    public Extraction? Apply(Extraction original, IReadOnlySet<string> stateCodes, ModelStateDictionary errors)
    {
        var before = errors.ErrorCount;
        if (Title?.Trim().Length > MaxTitle)
        {
            errors.AddModelError("Review.Title", $"Keep the title under {MaxTitle} characters.");
        }

        var parties = original.Parties.Select(p => Named(p.Id, p.Name, Parties, "Parties", errors) is var name ? p with { Name = name } : p).ToList();
        var incidents = original.Incidents.Select(i => Named(i.Id, i.Name, Incidents, "Incidents", errors) is var name ? i with { Name = name } : i).ToList();

        var kept = new List<ExtractedStatement>();
        foreach (var s in original.Statements)
        {
            var index = Statements.FindIndex(e => e.Id == s.Id);
            if (index < 0)
            {
                kept.Add(s);
                continue;
            }

            var edit = Statements[index];
            if (!edit.Keep)
            {
                continue;
            }

            var field = $"Review.{nameof(Statements)}[{index}].";
            var state = Blank(edit.State)?.ToUpperInvariant();
            if (state is not null && !stateCodes.Contains(state))
            {
                errors.AddModelError(field + nameof(edit.State), $"No state has the code \"{state}\"; choose one from the list or leave it empty.");
            }

            var date = Blank(edit.Date);
            if (date is not null && !PartialDate.TryParse(date, out _))
            {
                errors.AddModelError(field + nameof(edit.Date), "Enter the date as YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty.");
            }

            var confidence = Blank(edit.Confidence);
            if (confidence is not null && !ConfidenceLevels.TryParseTerm(confidence, out _))
            {
                errors.AddModelError(field + nameof(edit.Confidence), "Choose a term of the yardstick, or \"not stated\".");
            }

            var kind = edit.Kind is "attribution" or "denial" ? edit.Kind : s.Kind;
            kept.Add(s with
            {
                Kind = kind,
                Party = edit.Party ?? s.Party,
                Actor = Blank(edit.Actor),
                State = state,
                Incident = Blank(edit.Incident),
                Confidence = confidence,
                ConfidenceText = Blank(edit.ConfidenceText),
                Date = date,
                // Only a denial answers, and only statements still kept.
                Answers = kind == "denial" ? s.Answers : [],
            });
        }

        var keptIds = kept.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var statements = kept.Select(s => s with { Answers = [.. s.Answers.Where(keptIds.Contains)] }).ToList();
        return errors.ErrorCount > before ? null : original with { Parties = parties, Incidents = incidents, Statements = statements };
    }

    /// <summary>The article with the title the editor gave it, if any.</summary>
    public ArticleText Titled(ArticleText article) => Blank(Title) is { } title ? article with { Title = title } : article;

    private static string Named(string id, string name, List<NameEdit> edits, string list, ModelStateDictionary errors)
    {
        var index = edits.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            return name;
        }

        if (Blank(edits[index].Name) is { } corrected)
        {
            return corrected;
        }

        errors.AddModelError($"Review.{list}[{index}].Name", "Enter a name.");
        return name;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class StatementEdit
{
    public string Id { get; set; } = "";

    public bool Keep { get; set; } = true;

    public string Kind { get; set; } = "attribution";

    public string? Party { get; set; }

    public string? Actor { get; set; }

    public string? State { get; set; }

    public string? Incident { get; set; }

    public string? Confidence { get; set; }

    public string? ConfidenceText { get; set; }

    public string? Date { get; set; }
}

public sealed class NameEdit
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";
}
