using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Data.Seeding;

/// <summary>
/// Loads the reference files in <c>seeds/reference/</c> into the store, each in its own transaction, skipping a
/// file whose content hash is unchanged since it was last loaded. Every step is an upsert, so loading an updated
/// file updates records rather than duplicating them; a step re-runs when a step before it changed, because the
/// later files (actor links, alias conventions) refer to records the earlier ones make.
/// </summary>
public sealed class ReferenceDataLoader(AttributionDbContext db, ILogger<ReferenceDataLoader> logger)
{
    public const string StatesFile = "states.json";
    public const string PartiesFile = "parties.json";
    public const string GalaxyFile = "misp-galaxy-threat-actor.json";
    public const string OrgansFile = "state-organs.json";
    public const string LinksFile = "actor-links.json";
    public const string ActorAliasesFile = "actor-aliases.json";
    public const string AliasConventionsFile = "alias-conventions.json";

    public async Task LoadAllAsync(string seedsFolder, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(seedsFolder, "reference");
        var steps = new (string File, Func<Stream, string, CancellationToken, Task<int>> Load)[]
        {
            (StatesFile, (s, _, ct) => new StatesLoader(db).LoadAsync(s, ct)),
            (PartiesFile, (s, _, ct) => new PartiesLoader(db).LoadAsync(s, ct)),
            (GalaxyFile, (s, name, ct) => new GalaxyLoader(db).LoadAsync(s, name, ct)),
            (OrgansFile, (s, _, ct) => new OrgansLoader(db).LoadAsync(s, ct)),
            (LinksFile, (s, _, ct) => new ActorLinksLoader(db, logger).LoadAsync(s, ct)),
            (ActorAliasesFile, (s, _, ct) => new ActorAliasesLoader(db, logger).LoadAsync(s, ct)),
            (AliasConventionsFile, (s, _, ct) => new AliasConventionsLoader(db, logger).LoadAsync(s, ct)),
        };

        var earlierChanged = false;
        foreach (var (file, load) in steps)
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                logger.LogWarning("Reference file {Path} is missing; skipped", path);
                continue;
            }

            earlierChanged |= await LoadIfChangedAsync(path, load, force: earlierChanged, cancellationToken);
        }
    }

    /// <summary>Loads one file if its content differs from what was last loaded under its name (or when forced).</summary>
    public async Task<bool> LoadIfChangedAsync(string path, Func<Stream, string, CancellationToken, Task<int>> load, bool force, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = "reference/" + Path.GetFileName(path);
        var oldChangedBy = db.ChangedBy;
        db.ChangedBy = "seed";

        // The load itself is the history entry (ReferenceLoads: file, hash, time), not thousands of record changes.
        db.RecordHistory = false;

        // The check is inside the write-locked transaction (WriteTransactions) so that two processes starting on
        // one new store load each file once: the second waits, then finds the first one's load.
        await using var tx = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        try
        {
            var previous = await db.ReferenceLoads.FindAsync([name], cancellationToken);
            if (!force && previous?.Sha256 == sha)
            {
                return false;
            }

            using var stream = new MemoryStream(bytes, writable: false);
            var count = await load(stream, path, cancellationToken);
            if (previous is null)
            {
                db.ReferenceLoads.Add(new ReferenceLoad { Name = name, Sha256 = sha, LoadedAt = DateTime.UtcNow });
            }
            else
            {
                previous.Sha256 = sha;
                previous.LoadedAt = DateTime.UtcNow;
            }

            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Loaded {Count} records from {Path}", count, path);
            return true;
        }
        finally
        {
            db.ChangedBy = oldChangedBy;
            db.RecordHistory = true;
            db.ChangeTracker.Clear();
        }
    }
}
