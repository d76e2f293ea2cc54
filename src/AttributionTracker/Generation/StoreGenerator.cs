using AttributionTracker.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Generation;

/// <summary>What a run wrote.</summary>
public sealed record GenerationResult(int NewActors, int NewParties, int Incidents, int Sources, int Statements, int StoredActorsUsed);

/// <summary>Refused: the store already holds more than its seed. Nothing was written.</summary>
public sealed class StoreNotEmptyException(string message) : Exception(message);

/// <summary>
/// Fills a freshly initialised store with a deterministic synthetic population (see docs/benchmarks.md, "Synthetic
/// dataset"): the same options and seed over the same seed data give the same records, id for id. The store must hold
/// nothing beyond its first-start seed; everything is written in one transaction.
/// </summary>
public sealed class StoreGenerator(AttributionDbContext db)
{
    /// <summary>Written into UpdatedBy of every generated record.</summary>
    public const string ChangedBy = "generate";

    /// <summary>When made-up actors and parties were "added": fixed, so two runs are identical.</summary>
    public static readonly DateTime Stamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task<GenerationResult> GenerateAsync(GenerationOptions options, IGenerationProgress progress, CancellationToken ct = default)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        if (await StoreOccupancy.BeyondSeedAsync(db, ct) is { } occupied)
        {
            throw new StoreNotEmptyException($"the store already holds {occupied} beyond its seed data; generate writes only into a freshly initialised store. Give a new --data-folder. Nothing was written.");
        }

        if (!await db.States.AnyAsync(ct))
        {
            throw new StoreNotEmptyException("the store has no states: its reference data is missing (is Database:SeedOnStart false?). Nothing was written.");
        }

        var words = Vocabulary.Load();
        var population = await Population.LoadAsync(db, words, options, ct);
        var incidents = new IncidentPlan(words, population, options, (await db.Incidents.MaxAsync(i => (int?)i.Id, ct) ?? 0) + 1);
        var sources = new SourceWriter(words, population, incidents, options,
            (await db.Sources.MaxAsync(s => (int?)s.Id, ct) ?? 0) + 1,
            (await db.Statements.MaxAsync(s => (int?)s.Id, ct) ?? 0) + 1);
        var incidentSlugs = new HashSet<string>((await db.Incidents.Select(i => i.Slug).ToListAsync(ct)).Select(s => s.Value), StringComparer.Ordinal);

        // Opened through EF Core so the connection is set up as the app's are (SQLite: foreign keys on).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await WriteAsync(options, progress, population, incidents, sources, incidentSlugs, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new GenerationResult(population.NewActors.Count(), population.NewParties.Count(), incidents.Count, sources.Count, options.Statements, population.Actors.Count(a => !a.IsNew));
    }

    private async Task WriteAsync(GenerationOptions options, IGenerationProgress progress, Population population, IncidentPlan incidents, SourceWriter sources, HashSet<string> incidentSlugs, CancellationToken ct)
    {
        var newParties = population.NewParties.ToList();
        var newActors = population.NewActors.ToList();
        await using var writer = Writer();
        await writer.BeginAsync(ct);

        progress.Begin(GeneratedTables.Parties.Name, newParties.Count);
        await writer.WriteAsync([GeneratedTables.Parties, GeneratedTables.PartyAliases], PartyRows(newParties), progress, ct);
        progress.End(GeneratedTables.Parties.Name);

        progress.Begin(GeneratedTables.Actors.Name, newActors.Count);
        await writer.WriteAsync([GeneratedTables.Actors, GeneratedTables.ActorAliases], ActorRows(newActors), progress, ct);
        progress.End(GeneratedTables.Actors.Name);

        progress.Begin(GeneratedTables.Incidents.Name, incidents.Count);
        await writer.WriteAsync([GeneratedTables.Incidents, GeneratedTables.IncidentAliases, GeneratedTables.IncidentVictims], new Replayable(() => incidents.Rows(new HashSet<string>(incidentSlugs, StringComparer.Ordinal), Stamp)), progress, ct);
        progress.End(GeneratedTables.Incidents.Name);

        progress.Begin(GeneratedTables.Sources.Name, sources.Count);
        progress.Begin(GeneratedTables.Statements.Name, options.Statements);
        await writer.WriteAsync([GeneratedTables.Sources, GeneratedTables.Statements, GeneratedTables.StatementParties, GeneratedTables.StatementAnswers],
            new Replayable(sources.Rows), progress, ct);
        progress.End(GeneratedTables.Sources.Name);
        progress.End(GeneratedTables.Statements.Name);

        await writer.CompleteAsync(progress, ct);
    }

    private IBulkWriter Writer() => db.Database.GetDbConnection() switch
    {
        SqliteConnection sqlite => new SqliteBulkWriter(sqlite),
        var other => throw new NotSupportedException($"generate cannot write to a {other.GetType().Name} store yet."),
    };

    private static IEnumerable<(GeneratedTable, object?[])> PartyRows(List<GenParty> parties)
    {
        foreach (var p in parties)
        {
            yield return (GeneratedTables.Parties, [p.Id, p.Name, p.Slug, p.Kind, p.State, null, Stamp, Stamp, ChangedBy, 1]);
            if (Domain.TextFolding.Key(p.NameEs) != Domain.TextFolding.Key(p.Name))
            {
                yield return (GeneratedTables.PartyAliases, [p.Id, p.NameEs, Domain.TextFolding.Key(p.NameEs), Domain.Languages.Spanish]);
            }
        }
    }

    private static IEnumerable<(GeneratedTable, object?[])> ActorRows(List<GenActor> actors)
    {
        foreach (var a in actors)
        {
            yield return (GeneratedTables.Actors, [a.Id, a.Name, a.Slug, nameof(Domain.ActorKind.Group), a.Sponsor, null, Stamp, Stamp, ChangedBy, 1]);
            foreach (var (name, language) in a.Aliases)
            {
                yield return (GeneratedTables.ActorAliases, [a.Id, name, Domain.TextFolding.Key(name), language, ChangedBy]);
            }
        }
    }

    /// <summary>Rows that can be enumerated again from the start, as a one-table-at-a-time writer needs.</summary>
    private sealed class Replayable(Func<IEnumerable<(GeneratedTable, object?[])>> make) : IEnumerable<(GeneratedTable, object?[])>
    {
        public IEnumerator<(GeneratedTable, object?[])> GetEnumerator() => make().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
