using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Import.Persistence;

/// <summary>
/// Finds the stored actor, party, incident or state an extracted record stands for — by canonical name, then by
/// any alias key — or creates it, once per article.
/// </summary>
internal sealed class RecordResolver(AttributionDbContext db)
{
    private readonly Dictionary<string, Actor> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Party> parties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Incident> incidents = new(StringComparer.Ordinal);
    private SlugAllocator? actorSlugs;
    private SlugAllocator? partySlugs;
    private SlugAllocator? incidentSlugs;

    public int NewActors { get; private set; }

    public int NewParties { get; private set; }

    public int NewIncidents { get; private set; }

    public async Task<CountryCode?> StateAsync(string? code, CancellationToken ct) =>
        CountryCode.TryParse(code, out var c) && await db.States.AnyAsync(s => s.Code == c, ct) ? c : null;

    public async Task<Actor> ActorAsync(ExtractedActor extracted, CancellationToken ct)
    {
        if (actors.TryGetValue(extracted.Id, out var known))
        {
            return known;
        }

        var keys = extracted.Aliases.Prepend(extracted.Name).Select(TextFolding.Key).Distinct().ToList();
        var actor = await db.Actors.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Name == extracted.Name, ct)
            ?? await db.Actors.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Aliases.Any(x => keys.Contains(x.Key)), ct);
        if (actor is null)
        {
            actorSlugs ??= new SlugAllocator(await db.Actors.Select(a => a.Slug).ToListAsync(ct));
            actor = new Actor
            {
                Name = extracted.Name,
                Slug = actorSlugs.Allocate(extracted.Name),
                Kind = extracted.Kind switch { "agency" => ActorKind.Agency, "state" => ActorKind.State, _ => ActorKind.Group },
                SponsorStateCode = await StateAsync(extracted.State, ct),
            };
            db.Actors.Add(actor);
            NewActors++;
        }

        AddAliases(actor, extracted);
        return actors[extracted.Id] = actor;
    }

    public async Task<Party> PartyAsync(ExtractedParty extracted, CancellationToken ct)
    {
        if (parties.TryGetValue(extracted.Id, out var known))
        {
            return known;
        }

        var kind = Enum.TryParse<PartyKind>(extracted.Kind, ignoreCase: true, out var k) ? k : PartyKind.Organisation;
        var state = await StateAsync(extracted.State, ct);
        var keys = extracted.Aliases.Prepend(extracted.Name).Select(TextFolding.Key).Distinct().ToList();
        var party = kind switch
        {
            // One government per state, one holder of an office per state: found by what they are, not what they're called.
            PartyKind.Government => await db.Parties.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Kind == PartyKind.Government && p.StateCode == state, ct),
            PartyKind.Official => await db.Parties.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Kind == PartyKind.Official && p.StateCode == state && p.Role == extracted.Role, ct),
            _ => await db.Parties.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Name == extracted.Name, ct)
                ?? await db.Parties.Include(p => p.Aliases).FirstOrDefaultAsync(p => p.Aliases.Any(a => keys.Contains(a.Key)), ct),
        };
        if (party is null)
        {
            partySlugs ??= new SlugAllocator(await db.Parties.Select(p => p.Slug).ToListAsync(ct));
            party = new Party { Name = extracted.Name, Slug = partySlugs.Allocate(extracted.Name), Kind = kind, StateCode = state, Role = extracted.Role };
            db.Parties.Add(party);
            NewParties++;
        }

        foreach (var alias in extracted.Aliases)
        {
            var key = TextFolding.Key(alias);
            if (key.Length > 0 && key != TextFolding.Key(party.Name) && !party.Aliases.Any(a => a.Key == key))
            {
                party.Aliases.Add(new PartyAlias { Name = alias, Key = key });
            }
        }

        return parties[extracted.Id] = party;
    }

    public async Task<Incident> IncidentAsync(ExtractedIncident extracted, string language, CancellationToken ct)
    {
        if (incidents.TryGetValue(extracted.Id, out var known))
        {
            return known;
        }

        var keys = extracted.Aliases.Prepend(extracted.Name).Select(TextFolding.Key).Distinct().ToList();
        var incident = await db.Incidents.Include(i => i.Aliases).FirstOrDefaultAsync(i => i.Name == extracted.Name || i.Aliases.Any(a => keys.Contains(a.Key)), ct);
        if (incident is null)
        {
            incidentSlugs ??= new SlugAllocator(await db.Incidents.Select(i => i.Slug).ToListAsync(ct));
            incident = new Incident
            {
                Name = extracted.Name,
                Slug = incidentSlugs.Allocate(extracted.Name),
                StartDate = PartialDate.TryParse(extracted.Date, out var date) ? date : null,
                Scale = extracted.Scale,
            };
            // The extractor names victim states by code; the record keeps the state's name for readers and the code for links.
            foreach (var victim in extracted.Victims)
            {
                var code = await StateAsync(victim, ct);
                var name = code is { } c ? await db.States.Where(s => s.Code == c).Select(s => s.NameEn).SingleAsync(ct) : victim;
                incident.Victims.Add(new IncidentVictim { Name = name, StateCode = code });
            }

            db.Incidents.Add(incident);
            NewIncidents++;
        }

        foreach (var name in extracted.Aliases.Prepend(extracted.Name))
        {
            var key = TextFolding.Key(name);
            if (key.Length > 0 && !incident.Aliases.Any(a => a.Key == key) && (name != incident.Name))
            {
                incident.Aliases.Add(new IncidentAlias { Name = name, Key = key, Language = language });
            }
        }

        return incidents[extracted.Id] = incident;
    }

    private static void AddAliases(Actor actor, ExtractedActor extracted)
    {
        // Only the forms the article used are new; the gazetteer's own aliases are already stored.
        foreach (var name in extracted.Aliases.Where(a => !string.Equals(a, actor.Name, StringComparison.OrdinalIgnoreCase)))
        {
            var key = TextFolding.Key(name);
            if (key.Length > 0 && key != TextFolding.Key(actor.Name) && !actor.Aliases.Any(a => a.Key == key))
            {
                actor.Aliases.Add(new ActorAlias { Name = name, Key = key, Origin = ArticleImporter.ChangedBy });
            }
        }
    }
}
