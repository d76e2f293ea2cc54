using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Data.Seeding;

/// <summary>Curated agencies, officials, companies and organisations. Adds aliases; never removes what editors added.</summary>
internal sealed class PartiesLoader(AttributionDbContext db)
{
    public async Task<int> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var records = await ReferenceJson.ReadListAsync<PartyRecord>(stream, cancellationToken);
        var parties = await db.Parties.Include(p => p.Aliases).ToListAsync(cancellationToken);
        var byKey = parties.GroupBy(p => TextFolding.Key(p.Name)).ToDictionary(g => g.Key, g => g.First());
        var slugs = new SlugAllocator(parties.Select(p => p.Slug));
        foreach (var record in records)
        {
            if (!Enum.TryParse<PartyKind>(record.Kind, ignoreCase: true, out var kind))
            {
                throw new InvalidDataException($"Party '{record.Name}': unknown kind '{record.Kind}'.");
            }

            var key = TextFolding.Key(record.Name);
            if (!byKey.TryGetValue(key, out var party))
            {
                party = new Party { Name = record.Name, Slug = slugs.Allocate(record.Name) };
                db.Parties.Add(party);
                byKey[key] = party;
            }

            party.Kind = kind;
            party.StateCode = CountryCode.TryParse(record.State, out var code) ? code : null;
            party.Description ??= record.Description;
            foreach (var (language, alias) in record.Aliases?.All() ?? [])
            {
                var aliasKey = TextFolding.Key(alias);
                if (aliasKey != key && !party.Aliases.Any(a => a.Key == aliasKey))
                {
                    party.Aliases.Add(new PartyAlias { Name = alias, Key = aliasKey, Language = language });
                }
            }
        }

        return records.Count;
    }
}
