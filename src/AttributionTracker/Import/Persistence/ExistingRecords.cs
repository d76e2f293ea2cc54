using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Import.Persistence;

/// <summary>A stored record an extracted one would be merged into.</summary>
public sealed record StoredRecord(string Name, Slug Slug);

/// <summary>
/// For a preview, read-only: which extracted actors, parties and incidents the importer would merge into a stored
/// record (keyed by extraction id) and which it would create. The rules are <see cref="RecordResolver"/>'s — by
/// canonical name, then alias key; governments by state, officials by state and office — asked in three queries
/// for the whole extraction rather than one per record.
/// </summary>
public sealed record ExistingRecords(
    IReadOnlyDictionary<string, StoredRecord> Actors,
    IReadOnlyDictionary<string, StoredRecord> Parties,
    IReadOnlyDictionary<string, StoredRecord> Incidents)
{
    public static async Task<ExistingRecords> FindAsync(AttributionDbContext db, Extraction extraction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(extraction);

        var actorNames = extraction.Actors.Select(a => a.Name).Distinct().ToList();
        var actorKeys = extraction.Actors.SelectMany(a => Keys(a.Name, a.Aliases)).Distinct().ToList();
        var storedActors = await db.Actors.AsNoTracking()
            .Where(a => actorNames.Contains(a.Name) || a.Aliases.Any(x => actorKeys.Contains(x.Key)))
            .OrderBy(a => a.Id)
            .Select(a => new Candidate(a.Name, a.Slug, a.Aliases.Select(x => x.Key).ToList()))
            .ToListAsync(cancellationToken);

        var partyNames = extraction.Parties.Select(p => p.Name).Distinct().ToList();
        var partyKeys = extraction.Parties.SelectMany(p => Keys(p.Name, p.Aliases)).Distinct().ToList();
        var storedParties = await db.Parties.AsNoTracking()
            .Where(p => p.Kind == PartyKind.Government || p.Kind == PartyKind.Official || partyNames.Contains(p.Name) || p.Aliases.Any(x => partyKeys.Contains(x.Key)))
            .OrderBy(p => p.Id)
            .Select(p => new PartyCandidate(p.Kind, p.StateCode, p.Role, new Candidate(p.Name, p.Slug, p.Aliases.Select(x => x.Key).ToList())))
            .ToListAsync(cancellationToken);

        var incidentNames = extraction.Incidents.Select(i => i.Name).Distinct().ToList();
        var incidentKeys = extraction.Incidents.SelectMany(i => Keys(i.Name, i.Aliases)).Distinct().ToList();
        var storedIncidents = await db.Incidents.AsNoTracking()
            .Where(i => incidentNames.Contains(i.Name) || i.Aliases.Any(x => incidentKeys.Contains(x.Key)))
            .OrderBy(i => i.Id)
            .Select(i => new Candidate(i.Name, i.Slug, i.Aliases.Select(x => x.Key).ToList()))
            .ToListAsync(cancellationToken);

        var actors = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        foreach (var a in extraction.Actors)
        {
            var keys = Keys(a.Name, a.Aliases);
            if ((storedActors.FirstOrDefault(s => s.Name == a.Name) ?? storedActors.FirstOrDefault(s => s.Keys.Any(keys.Contains))) is { } match)
            {
                actors[a.Id] = match.Record;
            }
        }

        var parties = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        foreach (var p in extraction.Parties)
        {
            var kind = Enum.TryParse<PartyKind>(p.Kind, ignoreCase: true, out var k) ? k : PartyKind.Organisation;
            CountryCode? state = CountryCode.TryParse(p.State, out var c) ? c : null;
            var keys = Keys(p.Name, p.Aliases);
            var match = kind switch
            {
                PartyKind.Government => storedParties.FirstOrDefault(s => s.Kind == PartyKind.Government && s.State == state),
                PartyKind.Official => storedParties.FirstOrDefault(s => s.Kind == PartyKind.Official && s.State == state && s.Role == p.Role),
                _ => storedParties.FirstOrDefault(s => s.Candidate.Name == p.Name) ?? storedParties.FirstOrDefault(s => s.Candidate.Keys.Any(keys.Contains)),
            };
            if (match is not null)
            {
                parties[p.Id] = match.Candidate.Record;
            }
        }

        var incidents = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        foreach (var i in extraction.Incidents)
        {
            var keys = Keys(i.Name, i.Aliases);
            if (storedIncidents.FirstOrDefault(s => s.Name == i.Name || s.Keys.Any(keys.Contains)) is { } match)
            {
                incidents[i.Id] = match.Record;
            }
        }

        return new ExistingRecords(actors, parties, incidents);
    }

    private static HashSet<string> Keys(string name, IEnumerable<string> aliases) =>
        [.. aliases.Prepend(name).Select(TextFolding.Key)];

    private sealed record Candidate(string Name, Slug Slug, List<string> Keys)
    {
        public StoredRecord Record => new(Name, Slug);
    }

    private sealed record PartyCandidate(PartyKind Kind, CountryCode? State, string? Role, Candidate Candidate);
}
