using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Data.Seeding;

/// <summary>Publicly reported links between actors ("HAFNIUM operates for the Ministry of State Security").</summary>
internal sealed class ActorLinksLoader(AttributionDbContext db, ILogger logger)
{
    public async Task<int> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var records = await ReferenceJson.ReadListAsync<ActorLinkRecord>(stream, cancellationToken);
        var actors = await db.Actors.Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(cancellationToken);

        // A canonical name can repeat across reference files; an organ wins over a group of the same name.
        var byName = actors.OrderBy(a => a.Kind == ActorKind.Agency ? 0 : 1)
            .GroupBy(a => TextFolding.Key(a.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var existing = await db.ActorRelations.ToListAsync(cancellationToken);
        var loaded = 0;
        foreach (var record in records)
        {
            if (!Enum.TryParse<ActorRelationKind>(record.Relation.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"Actor link '{record.Actor}' → '{record.Target}': unknown relation '{record.Relation}'.");
            }

            if (!byName.TryGetValue(TextFolding.Key(record.Actor), out var from) || !byName.TryGetValue(TextFolding.Key(record.Target), out var to))
            {
                logger.LogWarning("Actor link {Actor} → {Target} names an actor the store does not have; skipped", record.Actor, record.Target);
                continue;
            }

            var relation = existing.FirstOrDefault(r => r.FromActorId == from && r.ToActorId == to && r.Kind == kind);
            if (relation is null)
            {
                relation = new ActorRelation { FromActorId = from, ToActorId = to, Kind = kind };
                db.ActorRelations.Add(relation);
                existing.Add(relation);
            }

            relation.Note = record.Note;
            loaded++;
        }

        return loaded;
    }
}
