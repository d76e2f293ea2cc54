using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Actors;

/// <summary>What merging one actor into another moves, as counted before the editor confirms.</summary>
public sealed record MergePlan(int Statements, IReadOnlyList<string> Aliases, int ExternalIds, int References, int Relations, int Redirects);

/// <summary>
/// Merges one actor into another: everything that points at the old actor is moved to the target, its name becomes
/// an alias there, it is deleted and its slug redirects to the target. One SaveChanges, hence one transaction with
/// its history: the merge happens entirely or not at all.
/// </summary>
public static class MergeOperation
{
    public const string Origin = "merge";

    public static async Task<MergePlan> PlanAsync(AttributionDbContext db, int oldId, CancellationToken cancellationToken) =>
        await db.Actors.AsNoTracking().Where(a => a.Id == oldId).Select(a => new MergePlan(
                db.Statements.Count(s => s.AccusedActorId == a.Id),
                a.Aliases.OrderBy(x => x.Name).Select(x => x.Name).ToList(),
                a.ExternalIds.Count,
                a.References.Count,
                a.RelationsFrom.Count + a.RelationsTo.Count,
                db.SlugRedirects.Count(r => r.ActorId == a.Id)))
            .SingleAsync(cancellationToken);

    /// <summary>
    /// Merges; the versions are those the editor confirmed, so a change made meanwhile to either actor ends in
    /// <see cref="DbUpdateConcurrencyException"/> rather than in a merge the editor did not see.
    /// </summary>
    public static async Task MergeAsync(AttributionDbContext db, int oldId, int oldVersion, int targetId, int targetVersion, CancellationToken cancellationToken)
    {
        var old = await Load(db).SingleAsync(a => a.Id == oldId, cancellationToken);
        var target = await Load(db).SingleAsync(a => a.Id == targetId, cancellationToken);
        db.Entry(old).Property(a => a.Version).OriginalValue = oldVersion;
        db.Entry(target).Property(a => a.Version).OriginalValue = targetVersion;

        foreach (var statement in await db.Statements.Where(s => s.AccusedActorId == old.Id).ToListAsync(cancellationToken))
        {
            statement.AccusedActorId = target.Id;
        }

        // Children are copied rather than re-parented: the old ones go with the old actor (each deletion recorded)
        // and the target gets its own, minus any it already has (its unique indexes would refuse duplicates).
        var names = old.Aliases.Select(a => (a.Name, a.Key, a.Language, a.CoinedById, a.Origin))
            .Append((old.Name, TextFolding.Key(old.Name), null, null, Origin));
        foreach (var (name, key, language, coinedBy, origin) in names)
        {
            if (key.Length > 0 && !target.Aliases.Any(a => a.Key == key))
            {
                target.Aliases.Add(new ActorAlias { Name = name, Key = key, Language = language, CoinedById = coinedBy, Origin = origin });
            }
        }

        foreach (var id in old.ExternalIds.Where(e => !target.ExternalIds.Any(t => t.System == e.System && t.Value == e.Value)))
        {
            target.ExternalIds.Add(new ActorExternalId { System = id.System, Value = id.Value });
        }

        foreach (var reference in old.References.Where(r => !target.References.Any(t => t.Url == r.Url)))
        {
            target.References.Add(new ActorReference { Url = reference.Url });
        }

        // A relation between the two becomes a relation of the target with itself, which says nothing: dropped.
        foreach (var r in old.RelationsFrom.Where(r => r.ToActorId != target.Id && !target.RelationsFrom.Any(t => t.ToActorId == r.ToActorId && t.Kind == r.Kind)))
        {
            target.RelationsFrom.Add(new ActorRelation { ToActorId = r.ToActorId, Kind = r.Kind, Note = r.Note });
        }

        foreach (var r in old.RelationsTo.Where(r => r.FromActorId != target.Id && !target.RelationsTo.Any(t => t.FromActorId == r.FromActorId && t.Kind == r.Kind)))
        {
            target.RelationsTo.Add(new ActorRelation { FromActorId = r.FromActorId, Kind = r.Kind, Note = r.Note });
        }

        // Addresses that already led to the old actor (from earlier merges) now lead to the target.
        foreach (var redirect in await db.SlugRedirects.Where(r => r.ActorId == old.Id).ToListAsync(cancellationToken))
        {
            redirect.ActorId = target.Id;
        }

        db.SlugRedirects.Add(new SlugRedirect { OldSlug = old.Slug, ActorId = target.Id, CreatedAt = db.Clock.GetUtcNow().UtcDateTime });

        // The target's own row changes too (its version), so a merge always checks and bumps it.
        db.Entry(target).Property(a => a.UpdatedAt).IsModified = true;
        db.Actors.Remove(old);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<Actor> Load(AttributionDbContext db) => db.Actors
        .Include(a => a.Aliases)
        .Include(a => a.ExternalIds)
        .Include(a => a.References)
        .Include(a => a.RelationsFrom)
        .Include(a => a.RelationsTo)
        .AsSplitQuery();
}
