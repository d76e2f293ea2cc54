using AttributionTracker.Domain;
using AttributionTracker.Interop.Misp;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Seeding;

/// <summary>
/// Upserts the actors of a MISP threat-actor galaxy, matched by their MISP uuid: a new value is added, a known
/// one updated (name, country, references, and the aliases that came from MISP), nothing duplicated.
/// </summary>
public sealed class GalaxyLoader(AttributionDbContext db)
{
    public const string Origin = "misp";

    public async Task<int> LoadAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var cluster = GalaxyReader.Read(stream, fileName);
        var states = (await db.States.Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet();
        var byUuid = await db.Actors
            .Include(a => a.Aliases).Include(a => a.ExternalIds).Include(a => a.References)
            .Where(a => a.ExternalIds.Any(e => e.System == ExternalIdSystems.Misp))
            .ToDictionaryAsync(a => a.ExternalIds.First(e => e.System == ExternalIdSystems.Misp).Value, cancellationToken);
        var slugs = new SlugAllocator(await db.Actors.Select(a => a.Slug).ToListAsync(cancellationToken));

        foreach (var value in cluster.Values)
        {
            if (!byUuid.TryGetValue(value.Uuid, out var actor))
            {
                actor = new Actor { Name = value.Value, Slug = slugs.Allocate(value.Value), Kind = ActorKind.Group };
                actor.ExternalIds.Add(ExternalId(ExternalIdSystems.Misp, value.Uuid));
                db.Actors.Add(actor);
                byUuid[value.Uuid] = actor;
            }

            actor.Name = value.Value;
            actor.SponsorStateCode = CountryCode.TryParse(value.Country, out var code) && states.Contains(code) ? code : null;
            if (!string.IsNullOrWhiteSpace(value.Description))
            {
                actor.Description = value.Description;
            }

            SyncAliases(actor, value);
            foreach (var id in value.MitreAttackIds.Where(id => !actor.ExternalIds.Any(e => e.System == ExternalIdSystems.MitreAttack && e.Value == id)))
            {
                actor.ExternalIds.Add(ExternalId(ExternalIdSystems.MitreAttack, id));
            }

            actor.References.RemoveAll(r => !value.Refs.Contains(r.Url));
            foreach (var url in value.Refs.Distinct().Where(u => !actor.References.Any(r => r.Url == u)))
            {
                actor.References.Add(new ActorReference { Url = url });
            }
        }

        return cluster.Values.Count;
    }

    private static void SyncAliases(Actor actor, GalaxyActor value)
    {
        var nameKey = TextFolding.Key(value.Value);
        var wanted = value.Synonyms
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
