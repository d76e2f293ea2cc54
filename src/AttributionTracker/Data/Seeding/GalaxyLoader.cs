using AttributionTracker.Domain;
using AttributionTracker.Interop.Misp;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Seeding;

/// <summary>
/// Upserts the actors of a MISP threat-actor galaxy, matched by their MISP uuid: a new value is added, a known
/// one updated (name, country, references, and the aliases that came from MISP), nothing duplicated. An actor an
/// editor merged into another (ADR 13) handed its uuid to the target, so its galaxy value feeds the target's
/// aliases and references and never brings the merged actor back.
/// </summary>
public sealed class GalaxyLoader(AttributionDbContext db)
{
    public const string Origin = "misp";

    public async Task<int> LoadAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var cluster = GalaxyReader.Read(stream, fileName);
        var states = (await db.States.Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet();
        var unknown = cluster.Values
            .Select((v, i) => (Value: v, Index: i))
            .Where(x => x.Value.Country is { } c && !(CountryCode.TryParse(c, out var code) && states.Contains(code)))
            .Select(x => $"values[{x.Index}] ({x.Value.Uuid}): meta.country: no state has the code {x.Value.Country}")
            .ToList();
        if (unknown.Count > 0)
        {
            throw new GalaxyFormatException(fileName, unknown);
        }

        var actors = await db.Actors
            .Include(a => a.Aliases).Include(a => a.ExternalIds).Include(a => a.References)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var redirects = await db.SlugRedirects.AsNoTracking().Select(r => new { r.OldSlug, r.ActorId }).ToListAsync(cancellationToken);

        // Every uuid an actor holds leads to it — its own and those of actors merged into it; then the uuids our own
        // export gave actors MISP does not know (ADR 17), so a store's export loaded back finds them, even merged.
        var byUuid = actors
            .SelectMany(a => a.ExternalIds.Where(e => e.System == ExternalIdSystems.Misp).Select(e => (Uuid: e.Value.ToLowerInvariant(), Actor: a)))
            .DistinctBy(x => x.Uuid)
            .ToDictionary(x => x.Uuid, x => x.Actor);
        var byId = actors.ToDictionary(a => a.Id);
        var inFile = cluster.Values.Select(v => v.Uuid).ToHashSet();
        var exported = actors.Select(a => (Uuid: GalaxyExport.SlugUuid(a.Slug), Actor: a))
            .Concat(redirects.Where(r => byId.ContainsKey(r.ActorId)).Select(r => (Uuid: GalaxyExport.SlugUuid(r.OldSlug), Actor: byId[r.ActorId])));
        foreach (var (uuid, actor) in exported)
        {
            if (byUuid.TryAdd(uuid, actor) && inFile.Contains(uuid))
            {
                actor.ExternalIds.Add(ExternalId(ExternalIdSystems.Misp, uuid));
            }
        }

        // A merged actor's old slug stays reserved for its redirect: a new actor never takes it.
        var slugs = new SlugAllocator(actors.Select(a => a.Slug).Concat(redirects.Select(r => r.OldSlug)));

        foreach (var value in cluster.Values.Where(v => !byUuid.ContainsKey(v.Uuid)))
        {
            var actor = new Actor { Name = value.Value, Slug = slugs.Allocate(value.Value), Kind = ActorKind.Group };
            actor.ExternalIds.Add(ExternalId(ExternalIdSystems.Misp, value.Uuid));
            db.Actors.Add(actor);
            byUuid[value.Uuid] = actor;
        }

        foreach (var group in cluster.Values.GroupBy(v => byUuid[v.Uuid]))
        {
            var actor = group.Key;
            var own = GalaxyExport.MispUuid(actor);
            var primary = group.FirstOrDefault(v => v.Uuid == own);
            if (primary is not null)
            {
                actor.Name = primary.Value;
                actor.SponsorStateCode = CountryCode.TryParse(primary.Country, out var code) ? code : null;
                if (!string.IsNullOrWhiteSpace(primary.Description))
                {
                    actor.Description = primary.Description;
                }
            }

            SyncAliases(actor, [.. group]);
            foreach (var id in group.SelectMany(v => v.MitreAttackIds).Distinct()
                         .Where(id => !actor.ExternalIds.Any(e => e.System == ExternalIdSystems.MitreAttack && e.Value == id)).ToList())
            {
                actor.ExternalIds.Add(ExternalId(ExternalIdSystems.MitreAttack, id));
            }

            var refs = group.SelectMany(v => v.Refs).Distinct().ToList();
            actor.References.RemoveAll(r => !refs.Contains(r.Url));
            foreach (var url in refs.Where(u => !actor.References.Any(r => r.Url == u)))
            {
                actor.References.Add(new ActorReference { Url = url });
            }
        }

        return cluster.Values.Count;
    }

    /// <summary>
    /// The actor's MISP aliases become exactly the synonyms of its values, plus the names of values merged into it
    /// (an editor's merge kept the old name as an alias; the galaxy keeps calling it that).
    /// </summary>
    private static void SyncAliases(Actor actor, IReadOnlyList<GalaxyActor> values)
    {
        var nameKey = TextFolding.Key(actor.Name);
        var own = GalaxyExport.MispUuid(actor);
        var wanted = values
            .SelectMany(v => v.Uuid == own ? v.Synonyms : v.Synonyms.Prepend(v.Value))
            .Select(s => (Name: s, Key: TextFolding.Key(s)))
            .Where(s => s.Key.Length > 0 && s.Key != nameKey)
            .DistinctBy(s => s.Key)
            .ToList();
        actor.Aliases.RemoveAll(a => a.Origin == Origin && !wanted.Any(w => w.Key == a.Key));
        foreach (var (name, key) in wanted.Where(w => !actor.Aliases.Any(a => a.Key == w.Key)))
        {
            actor.Aliases.Add(new ActorAlias { Name = name, Key = key, Origin = Origin });
        }
    }

    private static ActorExternalId ExternalId(string system, string value) => new() { System = system, Value = value };
}
