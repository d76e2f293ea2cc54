using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Generation;

/// <summary>A state as the generator writes about it.</summary>
public sealed record GenState(string Code, string NameEn, string NameEs)
{
    public string Name(string language) => language == Languages.Spanish ? NameEs : NameEn;
}

/// <summary>An actor that generated statements may accuse: one already stored, or a new one (<see cref="IsNew"/>).</summary>
public sealed record GenActor(int Id, string Name, string Slug, string? Sponsor, IReadOnlyList<(string Name, string? Language)> Aliases, bool IsNew)
{
    /// <summary>How a quote in <paramref name="language"/> may name it: its name, or an alias of that language or of none.</summary>
    public IReadOnlyList<string> Names(string language) =>
        [Name, .. Aliases.Where(a => a.Language is null || a.Language == language).Select(a => a.Name)];
}

/// <summary>A party that generated statements name: one already stored, or a new government (<see cref="IsNew"/>).</summary>
public sealed record GenParty(int Id, string Name, string Slug, string Kind, string? State, string NameEs, bool IsNew)
{
    public string Display(string language) => language == Languages.Spanish ? NameEs : Name;
}

/// <summary>
/// Who the generated statements are about and by: the store's own states, parties and actors (reference data of first
/// start), ranked so the best-known come first, completed with made-up actors and governments where the store has too
/// few. Ranks matter: popularity is Zipf-like by rank.
/// </summary>
public sealed class Population
{
    public required IReadOnlyDictionary<string, GenState> States { get; init; }

    /// <summary>The accused, most popular first.</summary>
    public required IReadOnlyList<GenActor> Actors { get; init; }

    /// <summary>Who accuses, most popular first.</summary>
    public required IReadOnlyList<GenParty> Accusers { get; init; }

    /// <summary>For a sponsor state, the parties that speak for it when it denies.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<GenParty>> Deniers { get; init; }

    public IEnumerable<GenParty> NewParties => Accusers.Concat(Deniers.Values.SelectMany(d => d)).Where(p => p.IsNew).DistinctBy(p => p.Id).OrderBy(p => p.Id);

    public IEnumerable<GenActor> NewActors => Actors.Where(a => a.IsNew);

    public static async Task<Population> LoadAsync(AttributionDbContext db, Vocabulary words, GenerationOptions options, CancellationToken ct)
    {
        var states = (await db.States.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.NameEn, s.NameEs }).ToListAsync(ct))
            .ToDictionary(s => s.Code.Value, s => new GenState(s.Code.Value, s.NameEn, s.NameEs), StringComparer.Ordinal);
        var actors = await StoredActorsAsync(db, ct);
        var parties = await StoredPartiesAsync(db, ct);
        var nextActorId = (await db.Actors.MaxAsync(a => (int?)a.Id, ct) ?? 0) + 1;
        var nextPartyId = (await db.Parties.MaxAsync(p => (int?)p.Id, ct) ?? 0) + 1;
        var actorSlugs = new HashSet<string>((await db.Actors.Select(a => a.Slug).ToListAsync(ct)).Select(s => s.Value), StringComparer.Ordinal);
        var partySlugs = new HashSet<string>((await db.Parties.Select(p => p.Slug).ToListAsync(ct)).Select(s => s.Value), StringComparer.Ordinal);

        var population = actors.Take(options.Actors).ToList();
        var random = Sampling.Stream(options.Seed, 1);
        var made = new SyntheticActors(words, states, random, actorSlugs);
        while (population.Count < options.Actors)
        {
            population.Add(made.Next(nextActorId++));
        }

        var denying = words.DenyingStates.ToHashSet(StringComparer.Ordinal);
        var accusers = parties.Where(p => p.State is null || !denying.Contains(p.State)).ToList();
        foreach (var code in words.AccuserStates.Where(states.ContainsKey))
        {
            if (!parties.Any(p => p.State == code && p.Kind == nameof(PartyKind.Government)))
            {
                accusers.Add(Government(words, states[code], nextPartyId++, partySlugs));
            }
        }

        var deniers = new Dictionary<string, IReadOnlyList<GenParty>>(StringComparer.Ordinal);
        foreach (var code in population.Select(a => a.Sponsor).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            var speaking = parties.Where(p => p.State == code && (p.Kind is nameof(PartyKind.Government) or nameof(PartyKind.Official)
                || p.Name.Contains("Foreign Affairs", StringComparison.Ordinal))).ToList();
            deniers[code] = speaking.Count > 0 ? speaking : [accusers.FirstOrDefault(p => p.IsNew && p.State == code) ?? Government(words, states[code], nextPartyId++, partySlugs)];
        }

        return new Population { States = states, Actors = population, Accusers = accusers, Deniers = deniers };
    }

    /// <summary>Stored actors, the best documented (most aliases, identifiers and references) first.</summary>
    private static async Task<List<GenActor>> StoredActorsAsync(AttributionDbContext db, CancellationToken ct)
    {
        var rows = await db.Actors.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.Slug, a.SponsorStateCode, Weight = a.Aliases.Count + a.ExternalIds.Count + a.References.Count })
            .ToListAsync(ct);
        var aliases = (await db.ActorAliases.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Name, a.Language }).ToListAsync(ct))
            .ToLookup(a => a.ActorId);
        return [.. rows.OrderByDescending(a => a.Weight).ThenBy(a => a.Id)
            .Select(a => new GenActor(a.Id, a.Name, a.Slug.Value, a.SponsorStateCode?.Value, [.. aliases[a.Id].Select(x => (x.Name, x.Language))], IsNew: false))];
    }

    /// <summary>Stored parties, the best known (most aliases) first, with their Spanish name where they have one.</summary>
    private static async Task<List<GenParty>> StoredPartiesAsync(AttributionDbContext db, CancellationToken ct)
    {
        var rows = await db.Parties.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Slug, p.Kind, p.StateCode, Aliases = p.Aliases.Count })
            .ToListAsync(ct);
        var spanish = (await db.PartyAliases.AsNoTracking().Where(a => a.Language == Languages.Spanish).OrderBy(a => a.Id).Select(a => new { a.PartyId, a.Name }).ToListAsync(ct))
            .GroupBy(a => a.PartyId).ToDictionary(g => g.Key, g => g.First().Name);
        return [.. rows.OrderByDescending(p => p.Aliases).ThenBy(p => p.Id)
            .Select(p => new GenParty(p.Id, p.Name, p.Slug.Value, p.Kind.ToString(), p.StateCode?.Value, spanish.GetValueOrDefault(p.Id, p.Name), IsNew: false))];
    }

    private static GenParty Government(Vocabulary words, GenState state, int id, HashSet<string> slugs)
    {
        var name = words.GovernmentName[Languages.English].Replace("{state}", state.NameEn, StringComparison.Ordinal);
        var nameEs = words.GovernmentName[Languages.Spanish].Replace("{state}", state.NameEs, StringComparison.Ordinal);
        return new GenParty(id, name, SyntheticActors.Allocate(name, slugs), nameof(PartyKind.Government), state.Code, nameEs, IsNew: true);
    }
}
