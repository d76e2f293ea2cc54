using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using UUIDNext;

namespace AttributionTracker.Interop.Misp;

/// <summary>
/// The store's actors as a MISP threat-actor galaxy: aliases, MITRE ids, sponsor state, references and
/// description. An actor that came from MISP keeps its MISP uuid; any other gets a UUIDv5 of its slug, so a
/// re-export gives every actor the same uuid and MISP updates rather than duplicates it.
/// </summary>
public static class GalaxyExport
{
    /// <summary>The namespace of the name-based uuids of actors that MISP does not know. Never change it.</summary>
    public static readonly Guid ActorNamespace = Guid.Parse("41de5be0-3f97-4b49-973b-355042c5e438");

    /// <summary>The exported cluster's own uuid (MISP's threat-actor cluster is another file, maintained by MISP).</summary>
    public static readonly Guid ClusterUuid = Uuid.NewNameBased(ActorNamespace, "attributiontracker:threat-actor");

    public static async Task<GalaxyFile> BuildAsync(AttributionDbContext db, CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking()
            .Include(a => a.Aliases).Include(a => a.ExternalIds).Include(a => a.References).Include(a => a.SponsorState)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var latest = actors.Count == 0 ? DateTime.UnixEpoch : actors.Max(a => a.UpdatedAt);

        return new GalaxyFile(
            Authors: ["AttributionTracker"],
            Category: "actor",
            Name: "Threat Actor",
            Source: "AttributionTracker",
            Type: "threat-actor",
            Uuid: ClusterUuid.ToString(),
            // The day of the latest actor change: it grows when actors change and stays put when they do not.
            Version: int.Parse(latest.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Description: "Threat actors accused in public attribution statements, with their aliases and sponsor states, exported by AttributionTracker.",
            Values: [.. actors.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Slug.Value, StringComparer.Ordinal).Select(Value)]);
    }

    /// <summary>The actor's own MISP uuid: the first it was given (later ones came with actors merged into it).</summary>
    public static string? MispUuid(Actor actor) => actor.ExternalIds
        .Where(e => e.System == ExternalIdSystems.Misp)
        .OrderBy(e => e.Id == 0 ? int.MaxValue : e.Id)
        .Select(e => e.Value.ToLowerInvariant())
        .FirstOrDefault();

    public static string UuidOf(Actor actor) => MispUuid(actor) ?? SlugUuid(actor.Slug);

    /// <summary>The uuid an actor unknown to MISP is exported with: a UUIDv5 of its slug in <see cref="ActorNamespace"/>.</summary>
    public static string SlugUuid(Slug slug) => Uuid.NewNameBased(ActorNamespace, slug.Value).ToString();

    private static GalaxyFileValue Value(Actor actor)
    {
        string[] synonyms =
        [
            .. actor.Aliases.OrderBy(a => a.Id).Select(a => a.Name),
            .. actor.ExternalIds.Where(e => e.System == ExternalIdSystems.MitreAttack).OrderBy(e => e.Id).Select(e => e.Value),
        ];
        var refs = actor.References.OrderBy(r => r.Id).Select(r => r.Url).ToList();
        return new GalaxyFileValue(
            UuidOf(actor),
            actor.Name,
            string.IsNullOrWhiteSpace(actor.Description) ? null : actor.Description,
            new GalaxyFileMeta(
                synonyms.Length == 0 ? null : synonyms,
                actor.SponsorStateCode?.Value,
                actor.SponsorState?.NameEn,
                refs.Count == 0 ? null : refs));
    }
}
