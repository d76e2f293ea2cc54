using AttributionTracker.Domain;

namespace AttributionTracker.Generation;

/// <summary>One generated article and the statements quoted from it.</summary>
public sealed record GeneratedSource(int Id, string Title, string Publisher, string Url, string Language, string Text, DateOnly Published, IReadOnlyList<GeneratedStatement> Statements)
{
    /// <summary>Where generated sources say they came from; also how a store already generated into is recognised.</summary>
    public const string ImportedFromPrefix = "generate:";

    /// <summary>Added to the store the day after publication, as a daily import would.</summary>
    public DateTime AddedAt => Published.AddDays(1).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);

    public IEnumerable<(GeneratedTable Table, object?[] Values)> Rows(int seed)
    {
        var added = AddedAt;
        yield return (GeneratedTables.Sources, [
            Id, Title, Publisher, Url, Language, Text, SourceText.Fingerprint(Text), ImportedFromPrefix + "seed-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Published, nameof(DatePrecision.Day), added, added, StoreGenerator.ChangedBy, 1]);
        foreach (var s in Statements)
        {
            yield return (GeneratedTables.Statements, [
                s.Id, s.Kind, s.IncidentId, s.AccusedActorId, s.AccusedState, s.Quote, Language, Id, s.SpanStart, s.SpanEnd,
                s.Confidence, s.ConfidenceWording, s.Date.Start, s.Date.Precision.ToString(), added, added, StoreGenerator.ChangedBy, 1]);
            for (var position = 0; position < s.Parties.Count; position++)
            {
                yield return (GeneratedTables.StatementParties, [s.Id, s.Parties[position], position]);
            }

            foreach (var answered in s.Answers)
            {
                yield return (GeneratedTables.StatementAnswers, [s.Id, answered]);
            }
        }
    }
}

/// <summary>One generated statement, as <see cref="SourceWriter"/> fills it in.</summary>
public sealed class GeneratedStatement(int id, int incidentId, int incidentIndex, DateOnly day, PartialDate date, string language)
{
    public int Id { get; } = id;

    public int IncidentId { get; } = incidentId;

    public int IncidentIndex { get; } = incidentIndex;

    /// <summary>The exact day it was made; <see cref="Date"/> is what the source says of it.</summary>
    public DateOnly Day { get; } = day;

    public PartialDate Date { get; } = date;

    public string Language { get; } = language;

    public string Kind { get; set; } = nameof(StatementKind.Attribution);

    /// <summary>Index in <see cref="Population.Actors"/>, resolved to an id by the writer's population.</summary>
    public int? AccusedActor { get; set; }

    public int? AccusedActorId { get; set; }

    public string? AccusedState { get; set; }

    public string Quote { get; set; } = "";

    public int SpanStart { get; set; }

    public int SpanEnd { get; set; }

    public int? Confidence { get; set; }

    public string? ConfidenceWording { get; set; }

    public List<int> Parties { get; } = [];

    public List<int> Answers { get; } = [];
}
