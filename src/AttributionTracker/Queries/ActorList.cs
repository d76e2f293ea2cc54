using AttributionTracker.Domain;
using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Queries;

/// <summary>Which actors the actor list shows, in its order: the /actors page and the JSON API both ask here.</summary>
public static class ActorList
{
    /// <summary>
    /// Actors whose name or any alias contains <paramref name="name"/> (in any case, with or without accents), only
    /// those some of <paramref name="statements"/> accuses when <paramref name="onlyAccused"/>; by name.
    /// </summary>
    public static IQueryable<Actor> Matching(
        IQueryable<Actor> actors, IQueryable<AttributionStatement> statements, string? name, bool onlyAccused)
    {
        if (TextFolding.Key(name ?? "") is { Length: > 0 } key)
        {
            // Aliases carry a folded key; canonical names do not, so they are matched word by word with LIKE
            // (case-insensitive for ASCII, which actor names are in practice).
            var namePattern = "%" + key.Replace(' ', '%') + "%";
            actors = actors.Where(a => StoreFunctions.LikeIgnoringCase(a.Name, namePattern) || a.Aliases.Any(x => x.Key.Contains(key)));
        }

        if (onlyAccused)
        {
            actors = actors.Where(a => statements.Any(s => s.AccusedActorId == a.Id));
        }

        return actors.OrderBy(a => a.Name).ThenBy(a => a.Id);
    }
}
