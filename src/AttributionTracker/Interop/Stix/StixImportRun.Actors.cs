using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

internal sealed partial class StixImportRun
{
    private async Task ActorsAsync(IEnumerable<JsonElement> stixActors, CancellationToken ct)
    {
        var known = (await db.States.Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.Actors.Include(a => a.Aliases).Include(a => a.ExternalIds).Include(a => a.References).ToListAsync(ct);
        var byId = existing.ToDictionary(a => StixIds.Actor(StixObjectMapper.ActorType(a.Kind), a.Slug.Value));
        var taken = existing.Select(a => a.Slug).ToHashSet();
        foreach (var o in stixActors)
        {
            var id = o.Text("id")!;
            var name = o.Text("name")!.Trim();
            var externals = o.Items("external_references").Select(e => (System: e.Text("source_name") ?? "", Id: e.Text("external_id"), Url: e.Text("url"))).ToList();
            var ids = externals.Where(e => e.Id is not null && e.System is ExternalIdSystems.MitreAttack or ExternalIdSystems.Misp).ToList();
            var aliases = o.Items(X.Aliases).Select(a => (Name: a.Text("name"), Language: a.Text("language"), By: a.Text("coined_by_ref"), Origin: a.Text("origin")))
                .ToList();
            if (aliases.Count == 0)
            {
                aliases = [.. o.Strings("aliases").Concat(o.Strings("x_opencti_aliases")).Distinct().Select(a => (Name: (string?)a, Language: (string?)null, By: (string?)null, Origin: (string?)StixImporter.ChangedBy))];
            }

            var keys = aliases.Where(a => a.Name is not null).Select(a => TextFolding.Key(a.Name!)).Append(TextFolding.Key(name)).Where(k => k.Length > 0).ToHashSet();
            var own = o.Text(X.Slug) is not null;
            var actor = byId.GetValueOrDefault(id)
                ?? existing.FirstOrDefault(a => a.ExternalIds.Any(x => ids.Any(i => (!own || i.System == ExternalIdSystems.Misp) && i.System == x.System && string.Equals(i.Id, x.Value, StringComparison.OrdinalIgnoreCase))))
                ?? (own ? null : existing.FirstOrDefault(a => a.Name == name))
                ?? (own ? null : existing.FirstOrDefault(a => keys.Contains(TextFolding.Key(a.Name)) || a.Aliases.Any(x => keys.Contains(x.Key))));
            if (actor is null)
            {
                var kind = Enum.TryParse<ActorKind>(o.Text(X.ActorKind), ignoreCase: true, out var k) ? k
                    : o.Type() == "threat-actor" && o.Text("resource_level") == "government" ? ActorKind.Agency
                    : ActorKind.Group;
                actor = new Actor
                {
                    Name = name,
                    Slug = SlugFor(taken, o.Text(X.Slug), name),
                    Kind = kind,
                    SponsorStateCode = Code(o, X.SponsorState, o.Text(X.SponsorState), known),
                    Description = o.Text("description"),
                };
                db.Actors.Add(actor);
                existing.Add(actor);
                stamps.Add((actor, o));
                Result.Count(Result.Created, "actors");
            }
            else
            {
                Result.Count(Result.Merged, "actors");
            }

            foreach (var (alias, language, by, origin) in aliases)
            {
                var key = alias is null ? "" : TextFolding.Key(alias);
                if (key.Length == 0 || key == TextFolding.Key(actor.Name) || actor.Aliases.Any(a => a.Key == key))
                {
                    continue;
                }

                Party? coiner = null;
                if (by is not null && !parties.TryGetValue(by, out coiner))
                {
                    Problem(o, X.Aliases, $"coined_by_ref {by} is not a party's identity");
                }

                actor.Aliases.Add(new ActorAlias { Name = alias!, Key = key, Language = language, CoinedBy = coiner, Origin = origin ?? StixImporter.ChangedBy });
            }

            foreach (var (system, value, url) in externals)
            {
                if (value is not null && system is ExternalIdSystems.MitreAttack or ExternalIdSystems.Misp)
                {
                    if (!actor.ExternalIds.Any(x => x.System == system && x.Value == value))
                    {
                        actor.ExternalIds.Add(new ActorExternalId { System = system, Value = value });
                    }
                }
                else if (StixElement.IsWebAddress(url) && !actor.References.Any(r => r.Url == url))
                {
                    actor.References.Add(new ActorReference { Url = url! });
                }
            }

            actors[id] = actor;
        }
    }

    private async Task RelationsAsync(IEnumerable<JsonElement> relationships, CancellationToken ct)
    {
        var existing = await db.ActorRelations.ToListAsync(ct);
        foreach (var o in relationships)
        {
            var kind = (o.Text(X.Relation) ?? o.Text("relationship_type")) switch
            {
                "operates-for" or "attributed-to" => ActorRelationKind.OperatesFor,
                "part-of" => ActorRelationKind.PartOf,
                _ => (ActorRelationKind?)null,
            };
            if (kind is null || !actors.TryGetValue(o.Text("source_ref")!, out var from) || !actors.TryGetValue(o.Text("target_ref")!, out var to))
            {
                Result.Count(Result.Skipped, $"relationship ({o.Text("relationship_type")})");
                continue;
            }

            if (existing.Any(r => (r.FromActor == from || (from.Id != 0 && r.FromActorId == from.Id)) && (r.ToActor == to || (to.Id != 0 && r.ToActorId == to.Id)) && r.Kind == kind))
            {
                Result.Count(Result.Merged, "actor relations");
                continue;
            }

            var relation = new ActorRelation { FromActor = from, ToActor = to, Kind = kind.Value, Note = o.Text("description") };
            db.ActorRelations.Add(relation);
            existing.Add(relation);
            relationStamps.Add((relation, o));
            Result.Count(Result.Created, "actor relations");
        }
    }
}
