using System.Text.Json.Nodes;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// Writes the store, or one incident or actor with everything around it, as a STIX 2.1 bundle (mapping in
/// docs/interop.md, choices in ADR 16). Every id is derived from natural keys, so exporting twice gives the same bundle.
/// </summary>
public sealed class StixExporter(AttributionDbContext db)
{
    /// <summary>The bundle, or null when the scope's incident or actor does not exist.</summary>
    public async Task<JsonObject?> ExportAsync(StixScope scope, CancellationToken ct = default)
    {
        var statements = await db.Statements.AsNoTracking().Include(s => s.Parties).Include(s => s.Answers).OrderBy(s => s.Id).ToListAsync(ct);
        var parties = await db.Parties.AsNoTracking().Include(p => p.Aliases).OrderBy(p => p.Id).ToListAsync(ct);
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Aliases).Include(i => i.Victims).OrderBy(i => i.Id).ToListAsync(ct);
        var actorSlugs = await db.Actors.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Slug.Value, a.Kind), ct);
        var relations = await db.ActorRelations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var shas = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.TextSha256, ct);
        var partyById = parties.ToDictionary(p => p.Id);
        var incidentById = incidents.ToDictionary(i => i.Id);
        var keys = StatementKeys.For(statements, id => shas.GetValueOrDefault(id), id => partyById[id].Slug.Value, id => incidentById[id].Slug.Value, id => actorSlugs[id].Value);

        // Which statements: all, or those about the incident / accusing the actor, plus whatever answers them.
        HashSet<int> actorIds;
        List<AttributionStatement> chosen;
        if (scope.Kind == StixScopeKind.Store)
        {
            chosen = statements;
            actorIds = [.. actorSlugs.Keys];
        }
        else
        {
            var slug = scope.Slug!.Value;
            Func<AttributionStatement, bool> core;
            actorIds = [];
            if (scope.Kind == StixScopeKind.Incident)
            {
                if (incidents.FirstOrDefault(i => i.Slug == slug) is not { } incident)
                {
                    return null;
                }

                core = s => s.IncidentId == incident.Id;
                incidentById = new() { [incident.Id] = incident };
            }
            else
            {
                if (actorSlugs.FirstOrDefault(a => a.Value.Value == slug.Value) is not { Key: > 0 } actor)
                {
                    return null;
                }

                core = s => s.AccusedActorId == actor.Key;
                actorIds.Add(actor.Key);
                foreach (var r in relations.Where(r => r.FromActorId == actor.Key || r.ToActorId == actor.Key))
                {
                    actorIds.Add(r.FromActorId);
                    actorIds.Add(r.ToActorId);
                }

                incidentById = [];
            }

            var coreIds = statements.Where(core).Select(s => s.Id).ToHashSet();
            chosen = [.. statements.Where(s => coreIds.Contains(s.Id) || s.Answers.Any(a => coreIds.Contains(a.AnsweredStatementId)))];
            foreach (var s in chosen)
            {
                if (s.AccusedActorId is { } a)
                {
                    actorIds.Add(a);
                }

                if (s.IncidentId is { } i)
                {
                    incidentById.TryAdd(i, incidents.First(x => x.Id == i));
                }
            }
        }

        var actors = await db.Actors.AsNoTracking().Where(a => actorIds.Contains(a.Id))
            .Include(a => a.Aliases).Include(a => a.ExternalIds).Include(a => a.References).OrderBy(a => a.Id).ToListAsync(ct);
        var chosenById = chosen.ToDictionary(s => s.Id);
        var sourceIds = chosen.Where(s => s.SourceId is not null).Select(s => s.SourceId!.Value).Distinct().ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct);
        var stateCodes = chosen.Where(s => s.AccusedStateCode is not null).Select(s => s.AccusedStateCode!.Value).Distinct().ToList();
        var states = await db.States.AsNoTracking().Where(s => stateCodes.Contains(s.Code)).OrderBy(s => s.Code).ToListAsync(ct);

        // Parties: every one in a whole-store export; otherwise those who spoke, coined an alias, or are a parent of those.
        var partyIds = scope.Kind == StixScopeKind.Store
            ? parties.Select(p => p.Id).ToHashSet()
            : chosen.SelectMany(s => s.Parties.Select(p => p.PartyId)).Concat(actors.SelectMany(a => a.Aliases).Where(a => a.CoinedById is not null).Select(a => a.CoinedById!.Value)).ToHashSet();
        var queue = new Queue<int>(partyIds);
        while (queue.TryDequeue(out var id))
        {
            if (partyById[id].ParentId is { } parent && partyIds.Add(parent))
            {
                queue.Enqueue(parent);
            }
        }

        var map = new StixObjectMapper(keys, partyById, incidentById, actors.ToDictionary(a => a.Id), chosenById);
        var objects = new List<JsonObject>();
        objects.AddRange(states.Select(map.State));
        objects.AddRange(parties.Where(p => partyIds.Contains(p.Id)).Select(map.Party));
        objects.AddRange(actors.Select(map.Actor));
        objects.AddRange(relations.Where(r => actorIds.Contains(r.FromActorId) && actorIds.Contains(r.ToActorId)).Select(map.Relation));
        objects.AddRange(incidentById.Values.OrderBy(i => i.Id).Select(map.Incident));
        objects.AddRange(chosen.SelectMany(map.Statement));
        objects.AddRange(sources.SelectMany(source => map.Reports(source, chosen.Where(s => s.SourceId == source.Id))));

        // A bundle's "objects" may be absent but never empty.
        return new JsonObject { ["type"] = "bundle", ["id"] = StixIds.Of("bundle", scope.Key) }.Put("objects", new JsonArray([.. objects]));
    }
}
