using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Pickers;

/// <summary>What a picker looks in.</summary>
public enum PickerKind
{
    Parties,
    Actors,
    Incidents,
    Sources,
}

/// <summary>One record a picker offers: its id, its name, and a hint to tell it from others ("agency, AU", "also “MSS”").</summary>
public sealed record PickerOption(int Id, string Name, string? Detail);

/// <summary>
/// Finding parties, actors, incidents and sources by what an editor types: the name or any alias, compared on folded
/// keys (case, accents and punctuation ignored), so "ministerio de seguridad del estado" finds the MSS.
/// </summary>
public static class PickerQueries
{
    public const int SuggestionLimit = 10;

    /// <summary>The records whose name or an alias is exactly what was typed (folded); for a source also its id ("#12" or "12").</summary>
    public static async Task<IReadOnlyList<PickerOption>> ExactAsync(AttributionDbContext db, PickerKind kind, string text, CancellationToken ct)
    {
        var key = TextFolding.Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        if (kind == PickerKind.Sources)
        {
            if (int.TryParse(text.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return await db.Sources.AsNoTracking().Where(s => s.Id == id).Select(s => new PickerOption(s.Id, s.Title, Detail(s.Id, s.Publisher))).ToListAsync(ct);
            }

            return [.. (await SourcesAsync(db, ct)).Where(s => TextFolding.Key(s.Name) == key)];
        }

        var byName = (await NamesAsync(db, kind, ct)).Where(n => TextFolding.Key(n.Name) == key);
        var byAlias = await AliasesAsync(db, kind, a => a.Key == key, ct);
        return [.. byName.Concat(byAlias.Select(a => a.Option)).DistinctBy(o => o.Id)];
    }

    /// <summary>Up to <see cref="SuggestionLimit"/> records whose name or an alias starts with, then contains, what was typed.</summary>
    public static async Task<IReadOnlyList<PickerOption>> SuggestAsync(AttributionDbContext db, PickerKind kind, string? text, CancellationToken ct)
    {
        var key = TextFolding.Key(text ?? "");
        if (key.Length == 0)
        {
            return [];
        }

        var ranked = new List<(int Rank, PickerOption Option)>();
        var names = kind == PickerKind.Sources ? await SourcesAsync(db, ct) : await NamesAsync(db, kind, ct);
        foreach (var n in names)
        {
            var nameKey = TextFolding.Key(n.Name);
            if (nameKey.StartsWith(key, StringComparison.Ordinal))
            {
                ranked.Add((nameKey.Length == key.Length ? 0 : 1, n));
            }
            else if (nameKey.Contains(key, StringComparison.Ordinal))
            {
                ranked.Add((3, n));
            }
        }

        if (kind == PickerKind.Sources && int.TryParse(text!.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ranked.AddRange((await ExactAsync(db, kind, text, ct)).Select(o => (0, o)));
        }

        if (kind != PickerKind.Sources)
        {
            var aliases = await AliasesAsync(db, kind, a => a.Key.StartsWith(key), ct);
            ranked.AddRange(aliases.Select(a => (a.Key == key ? 0 : 2, a.Option)));
        }

        return [.. ranked.OrderBy(r => r.Rank).ThenBy(r => r.Option.Name.Length).ThenBy(r => r.Option.Name, StringComparer.Ordinal)
            .Select(r => r.Option).DistinctBy(o => o.Id).Take(SuggestionLimit)];
    }

    /// <summary>The record with this id, if it exists.</summary>
    public static async Task<PickerOption?> ByIdAsync(AttributionDbContext db, PickerKind kind, int id, CancellationToken ct) => kind switch
    {
        PickerKind.Parties => await db.Parties.AsNoTracking().Where(p => p.Id == id).Select(p => new PickerOption(p.Id, p.Name, null)).SingleOrDefaultAsync(ct),
        PickerKind.Actors => await db.Actors.AsNoTracking().Where(a => a.Id == id).Select(a => new PickerOption(a.Id, a.Name, null)).SingleOrDefaultAsync(ct),
        PickerKind.Incidents => await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new PickerOption(i.Id, i.Name, null)).SingleOrDefaultAsync(ct),
        _ => await db.Sources.AsNoTracking().Where(s => s.Id == id).Select(s => new PickerOption(s.Id, s.Title, null)).SingleOrDefaultAsync(ct),
    };

    // A few thousand short names at most: folding them here is simpler than a folded-name column, and as fast.
    private static async Task<List<PickerOption>> NamesAsync(AttributionDbContext db, PickerKind kind, CancellationToken ct) => kind switch
    {
        PickerKind.Parties => [.. (await db.Parties.AsNoTracking().Select(p => new { p.Id, p.Name, p.Kind, p.StateCode }).ToListAsync(ct))
            .Select(p => new PickerOption(p.Id, p.Name, Describe(p.Kind.ToString(), p.StateCode)))],
        PickerKind.Actors => [.. (await db.Actors.AsNoTracking().Select(a => new { a.Id, a.Name, a.Kind, a.SponsorStateCode }).ToListAsync(ct))
            .Select(a => new PickerOption(a.Id, a.Name, Describe(a.Kind.ToString(), a.SponsorStateCode)))],
        _ => [.. (await db.Incidents.AsNoTracking().Select(i => new { i.Id, i.Name, i.StartDate }).ToListAsync(ct))
            .Select(i => new PickerOption(i.Id, i.Name, i.StartDate == null ? null : i.StartDate.ToString()))],
    };

    private static async Task<List<PickerOption>> SourcesAsync(AttributionDbContext db, CancellationToken ct) =>
        [.. (await db.Sources.AsNoTracking().Select(s => new { s.Id, s.Title, s.Publisher }).ToListAsync(ct)).Select(s => new PickerOption(s.Id, s.Title, Detail(s.Id, s.Publisher)))];

    private static async Task<List<(PickerOption Option, string Key)>> AliasesAsync(AttributionDbContext db, PickerKind kind, System.Linq.Expressions.Expression<Func<AliasKey, bool>> match, CancellationToken ct)
    {
        var aliases = kind switch
        {
            PickerKind.Parties => db.PartyAliases.Join(db.Parties, a => a.PartyId, p => p.Id, (a, p) => new AliasKey { Id = p.Id, Name = p.Name, Alias = a.Name, Key = a.Key }),
            PickerKind.Actors => db.ActorAliases.Join(db.Actors, a => a.ActorId, x => x.Id, (a, x) => new AliasKey { Id = x.Id, Name = x.Name, Alias = a.Name, Key = a.Key }),
            _ => db.Set<IncidentAlias>().Join(db.Incidents, a => a.IncidentId, i => i.Id, (a, i) => new AliasKey { Id = i.Id, Name = i.Name, Alias = a.Name, Key = a.Key }),
        };
        var found = await aliases.AsNoTracking().Where(match).OrderBy(a => a.Name).ThenBy(a => a.Id).Take(50).ToListAsync(ct);
        return [.. found.Select(a => (new PickerOption(a.Id, a.Name, $"also “{a.Alias}”"), a.Key))];
    }

    private static string Describe(string kind, CountryCode? state) =>
        state is { } s ? $"{kind.ToLowerInvariant()}, {s}" : kind.ToLowerInvariant();

    private static string Detail(int id, string? publisher) => publisher is null ? $"#{id}" : $"#{id}, {publisher}";

    /// <summary>An alias row joined to its record, for matching in SQL (member-initialised so EF Core can filter on it).</summary>
    public sealed class AliasKey
    {
        public int Id { get; init; }

        public required string Name { get; init; }

        public required string Alias { get; init; }

        public required string Key { get; init; }
    }
}
