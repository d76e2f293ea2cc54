using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Data.Seeding;

/// <summary>Curated extra aliases, mostly the Spanish forms news use ("Hafnio" for HAFNIUM).</summary>
internal sealed class ActorAliasesLoader(AttributionDbContext db, ILogger logger)
{
    public async Task<int> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var records = await ReferenceJson.ReadListAsync<ActorAliasesRecord>(stream, cancellationToken);
        var actors = await db.Actors.Include(a => a.Aliases).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            byKey.TryAdd(TextFolding.Key(actor.Name), actor);
        }

        foreach (var actor in actors)
        {
            foreach (var alias in actor.Aliases)
            {
                byKey.TryAdd(alias.Key, actor);
            }
        }

        var added = 0;
        foreach (var record in records)
        {
            if (!byKey.TryGetValue(TextFolding.Key(record.Actor), out var actor))
            {
                logger.LogWarning("Extra aliases name {Actor}, which the store does not have; skipped", record.Actor);
                continue;
            }

            foreach (var (language, alias) in record.Aliases?.All() ?? [])
            {
                var key = TextFolding.Key(alias);
                if (key != TextFolding.Key(actor.Name) && !actor.Aliases.Any(a => a.Key == key))
                {
                    actor.Aliases.Add(new ActorAlias { Name = alias, Key = key, Language = language, Origin = OrgansLoader.Origin });
                    added++;
                }
            }
        }

        return added;
    }
}
