using System.Text.RegularExpressions;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Data.Seeding;

/// <summary>
/// Records who coined an alias from the vendors' naming schemes (Microsoft's "… Typhoon", CrowdStrike's "… Panda"),
/// for aliases whose coiner nobody has set yet.
/// </summary>
internal sealed class AliasConventionsLoader(AttributionDbContext db, ILogger logger)
{
    public async Task<int> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var records = await ReferenceJson.ReadListAsync<AliasConventionRecord>(stream, cancellationToken);
        var parties = await db.Parties.Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var conventions = new List<(Regex Pattern, int PartyId)>();
        foreach (var record in records)
        {
            var party = parties.FirstOrDefault(p => TextFolding.Key(p.Name) == TextFolding.Key(record.CoinedBy));
            if (party is null)
            {
                logger.LogWarning("Alias convention names {Party}, which is not a known party; skipped", record.CoinedBy);
                continue;
            }

            var options = RegexOptions.CultureInvariant | (record.IgnoreCase == true ? RegexOptions.IgnoreCase : RegexOptions.None);
            conventions.Add((new Regex(record.Pattern, options | RegexOptions.NonBacktracking), party.Id));
        }

        var aliases = await db.ActorAliases.Where(a => a.CoinedById == null).ToListAsync(cancellationToken);
        var set = 0;
        foreach (var alias in aliases)
        {
            var match = conventions.FirstOrDefault(c => c.Pattern.IsMatch(alias.Name));
            if (match.Pattern is not null)
            {
                alias.CoinedById = match.PartyId;
                set++;
            }
        }

        return set;
    }
}
