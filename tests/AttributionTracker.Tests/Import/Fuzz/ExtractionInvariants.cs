using AttributionTracker.Domain;
using AttributionTracker.Import;

namespace AttributionTracker.Tests.Import.Fuzz;

/// <summary>What must hold of any extraction, whatever the text: what a reviewer sees highlighted is what was said.</summary>
internal static class ExtractionInvariants
{
    public static void Hold(string text, Extraction x)
    {
        // The importer's own check (spans, quotes, references, parseable values) — it refuses what fails it.
        var problems = ExtractionCheck.Problems(text, x);
        Assert.True(problems.Count == 0, "extraction problems: " + string.Join("; ", problems));

        foreach (var s in x.Statements)
        {
            Assert.InRange(s.Start, 0, text.Length);
            Assert.InRange(s.End, s.Start + 1, text.Length);
            Assert.Equal(text[s.Start..s.End], s.Quote);
            Assert.True(s.Confidence is null || ConfidenceLevels.TryParseTerm(s.Confidence, out _), $"confidence \"{s.Confidence}\"");
            Assert.Contains(s.Kind, new[] { "attribution", "denial" });
        }

        var mentions = x.Actors.SelectMany(a => a.Mentions).Concat(x.Parties.SelectMany(p => p.Mentions)).Concat(x.Incidents.SelectMany(i => i.Mentions));
        Assert.All(mentions, m => Assert.True(m.Length == 2 && 0 <= m[0] && m[0] < m[1] && m[1] <= text.Length, $"mention [{string.Join(",", m)}] in {text.Length} chars"));

        // The same claim read twice from one sentence would be counted twice on every page and in every export.
        var duplicates = x.Statements
            .GroupBy(s => (s.Kind, s.Party, s.Actor, s.State, s.Incident, s.Start, s.End))
            .Where(g => g.Count() > 1)
            .Select(g => string.Join("/", g.Select(s => s.Id)))
            .ToList();
        Assert.True(duplicates.Count == 0, "duplicated statements: " + string.Join(", ", duplicates));
    }
}
