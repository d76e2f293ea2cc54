using AttributionTracker.Domain;
using AttributionTracker.Import.Mentions;

namespace AttributionTracker.Import.Statements;

/// <summary>
/// Links each denial to the attribution it answers: an earlier attribution that accuses the denier's state
/// (directly or through the accused actor's state), preferring one by a party the denial names, else the nearest.
/// The denial takes that attribution's incident.
/// </summary>
internal static class DenialLinker
{
    public static void Link(List<StatementDraft> statements, IReadOnlyList<LexActor> actors)
    {
        for (var d = 0; d < statements.Count; d++)
        {
            var denial = statements[d];
            if (denial.Kind != StatementKind.Denial || denial.Party.State is not { } denier)
            {
                continue;
            }

            var accusing = statements.Take(d)
                .Where(s => s.Kind == StatementKind.Attribution && (s.State == denier || (s.Actor is { } a && actors[a].State == denier)))
                .ToList();
            var answered = accusing.LastOrDefault(s => denial.Named.Contains(s.Party)) ?? accusing.LastOrDefault();
            if (answered is null)
            {
                continue;
            }

            denial.Answers.Add(answered);
            denial.Incident = answered.Incident ?? denial.Incident;
        }
    }
}
