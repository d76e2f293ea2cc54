using System.Linq.Expressions;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Feeds;

/// <summary>
/// Which statements one feed carries, what it is called, and the page it mirrors. Null from a finder means the slug
/// or code names nothing (a 404).
/// </summary>
public sealed record FeedScope(string Title, string Path, string PagePath, Expression<Func<AttributionStatement, bool>> Filter, DateTime? ScopeUpdatedAt)
{
    public static FeedScope All { get; } = new("AttributionTracker — new statements", "statements", "/", _ => true, null);

    public static async Task<FeedScope?> ActorAsync(AttributionDbContext db, string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return null;
        }

        var actor = await db.Actors.AsNoTracking().Where(a => a.Slug == key)
            .Select(a => new { a.Id, a.Name, a.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (actor is null)
        {
            return null;
        }

        // The actor page's statements: those accusing it, and the denials answering them.
        var id = actor.Id;
        return new FeedScope(
            $"Statements about {actor.Name} — AttributionTracker",
            $"actors/{key.Value}",
            $"/actors/{key.Value}",
            s => s.AccusedActorId == id || (s.Kind == StatementKind.Denial && s.Answers.Any(a => a.AnsweredStatement!.AccusedActorId == id)),
            actor.UpdatedAt);
    }

    /// <summary>The actor a merged actor's old slug now points to, if it is one.</summary>
    public static async Task<Slug?> MergedActorAsync(AttributionDbContext db, string slug, CancellationToken cancellationToken) =>
        Slug.TryParse(slug, out var key)
            ? await db.SlugRedirects.AsNoTracking().Where(r => r.OldSlug == key).Select(r => (Slug?)r.Actor!.Slug).SingleOrDefaultAsync(cancellationToken)
            : null;

    public static async Task<FeedScope?> IncidentAsync(AttributionDbContext db, string slug, CancellationToken cancellationToken)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return null;
        }

        var incident = await db.Incidents.AsNoTracking().Where(i => i.Slug == key)
            .Select(i => new { i.Id, i.Name, i.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var id = incident.Id;
        return new FeedScope(
            $"Statements about {incident.Name} — AttributionTracker",
            $"incidents/{key.Value}",
            $"/incidents/{key.Value}",
            s => s.IncidentId == id,
            incident.UpdatedAt);
    }

    public static async Task<FeedScope?> StateAsync(AttributionDbContext db, string code, CancellationToken cancellationToken)
    {
        if (!CountryCode.TryParse(code, out var key))
        {
            return null;
        }

        var state = await db.States.AsNoTracking().Where(s => s.Code == key)
            .Select(s => new { s.NameEn, s.UpdatedAt }).SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            return null;
        }

        var lower = key.Value.ToLowerInvariant();
        return new FeedScope(
            $"Statements by or about {state.NameEn} — AttributionTracker",
            $"states/{lower}",
            $"/states/{lower}",
            s => s.AccusedStateCode == key || s.Parties.Any(p => p.Party!.StateCode == key),
            state.UpdatedAt);
    }
}
