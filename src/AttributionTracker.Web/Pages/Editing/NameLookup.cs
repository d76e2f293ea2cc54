using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>A record found by what an editor typed: its id, slug and name.</summary>
public sealed record NamedRecord(int Id, Slug Slug, string Name);

/// <summary>
/// Finds actors and parties by what an editor types: the slug, the name (through the slug it makes) or any alias,
/// compared as folded keys so case, accents and punctuation do not matter. Several matches are returned as such so
/// the form can ask which one was meant.
/// </summary>
public static class NameLookup
{
    private const int Most = 20;

    public static Task<List<NamedRecord>> ActorsAsync(AttributionDbContext db, string text, CancellationToken cancellationToken)
    {
        var (key, typed, named) = Keys(text);
        return db.Actors.AsNoTracking()
            .Where(a => a.Slug == typed || a.Slug == named || a.Aliases.Any(x => x.Key == key))
            .OrderBy(a => a.Name)
            .Select(a => new NamedRecord(a.Id, a.Slug, a.Name))
            .Take(Most)
            .ToListAsync(cancellationToken);
    }

    public static Task<List<NamedRecord>> PartiesAsync(AttributionDbContext db, string text, CancellationToken cancellationToken)
    {
        var (key, typed, named) = Keys(text);
        return db.Parties.AsNoTracking()
            .Where(p => p.Slug == typed || p.Slug == named || p.Aliases.Any(x => x.Key == key))
            .OrderBy(p => p.Name)
            .Select(p => new NamedRecord(p.Id, p.Slug, p.Name))
            .Take(Most)
            .ToListAsync(cancellationToken);
    }

    private static (string Key, Slug Typed, Slug Named) Keys(string text)
    {
        var named = Slug.From(text);
        return (TextFolding.Key(text), Slug.TryParse(text.Trim(), out var typed) ? typed : named, named);
    }
}
