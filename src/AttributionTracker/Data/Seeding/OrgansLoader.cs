using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Seeding;

/// <summary>State organs that are accused in their own name (MSS, GRU, RGB): actors of kind agency.</summary>
internal sealed class OrgansLoader(AttributionDbContext db)
{
    public const string Origin = "reference";

    public async Task<int> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var records = await ReferenceJson.ReadListAsync<OrganRecord>(stream, cancellationToken);
        var states = (await db.States.Select(s => s.Code).ToListAsync(cancellationToken)).ToHashSet();
        var organs = await db.Actors.Include(a => a.Aliases).Where(a => a.Kind == ActorKind.Agency).ToListAsync(cancellationToken);
        var byKey = organs.GroupBy(a => TextFolding.Key(a.Name)).ToDictionary(g => g.Key, g => g.First());
        var slugs = new SlugAllocator(await db.Actors.Select(a => a.Slug).ToListAsync(cancellationToken));
        foreach (var record in records)
        {
            var key = TextFolding.Key(record.Name);
            if (!byKey.TryGetValue(key, out var organ))
            {
                organ = new Actor { Name = record.Name, Slug = slugs.Allocate(record.Name), Kind = ActorKind.Agency };
                db.Actors.Add(organ);
                byKey[key] = organ;
            }

            organ.SponsorStateCode = CountryCode.TryParse(record.State, out var code) && states.Contains(code) ? code : null;
            organ.Description ??= record.Description;
            foreach (var (language, alias) in record.Aliases?.All() ?? [])
            {
                var aliasKey = TextFolding.Key(alias);
                if (aliasKey != key && !organ.Aliases.Any(a => a.Key == aliasKey))
                {
                    organ.Aliases.Add(new ActorAlias { Name = alias, Key = aliasKey, Language = language, Origin = Origin });
                }
            }
        }

        return records.Count;
    }
}
