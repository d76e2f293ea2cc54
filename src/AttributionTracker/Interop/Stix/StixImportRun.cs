using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// One import: identities (states and parties), actors, incidents, actor relations, reports (sources) and statements,
/// in that order since each refers to the ones before. Matching follows the article importer: stable id first, then
/// external ids, then folded names and aliases.
/// </summary>
internal sealed partial class StixImportRun(AttributionDbContext db, StixBundle bundle)
{
    private readonly Dictionary<string, CountryCode> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Party> parties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Incident> incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> sourceOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributionStatement> statements = new(StringComparer.Ordinal);
    private readonly List<(Entity Record, JsonElement From)> stamps = [];
    private readonly List<(ActorRelation Record, JsonElement From)> relationStamps = [];

    public List<StixProblem> Problems { get; } = [];

    public StixImportResult Result { get; } = new();

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var objects = bundle.Objects.Values.ToList();
        await IdentitiesAsync(objects.Where(o => o.Type() == "identity"), ct);
        await ActorsAsync(objects.Where(o => o.Type() is "intrusion-set" or "threat-actor"), ct);
        await IncidentsAsync(objects.Where(o => o.Type() == "incident"), ct);
        await RelationsAsync(objects.Where(o => o.Type() == "relationship" && IsActor(o.Text("source_ref")) && IsActor(o.Text("target_ref"))), ct);
        await ReportsAsync(objects.Where(o => o.Type() == "report"), ct);
        await StatementsAsync(objects, ct);
        foreach (var o in objects.Where(o => o.Type() is not ("identity" or "intrusion-set" or "threat-actor" or "incident" or "relationship" or "report" or "opinion" or "note")))
        {
            Result.Count(Result.Skipped, o.Type());
        }

        if (Problems.Count > 0)
        {
            return;
        }

        await db.SaveChangesAsync(ct);

        // The store stamps what it adds with the present; an imported record keeps the times its bundle gives.
        foreach (var (record, from) in stamps)
        {
            var (created, modified) = (from.Time("created"), from.Time("modified"));
            await (record switch
            {
                Party p => RestoreAsync(p, created, modified, ct),
                Actor a => RestoreAsync(a, created, modified, ct),
                Incident i => RestoreAsync(i, created, modified, ct),
                Source s => RestoreAsync(s, created, modified, ct),
                _ => RestoreAsync((AttributionStatement)record, created, modified, ct),
            });
        }

        foreach (var (relation, from) in relationStamps)
        {
            await db.ActorRelations.Where(r => r.Id == relation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, from.Time("created")).SetProperty(r => r.UpdatedAt, from.Time("modified")), ct);
        }
    }

    private Task RestoreAsync<T>(T record, DateTime created, DateTime modified, CancellationToken ct)
        where T : Entity =>
        db.Set<T>().Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, created).SetProperty(r => r.UpdatedAt, modified), ct);

    private void Problem(JsonElement o, string property, string message) =>
        Problems.Add(new StixProblem(o.Text("id"), bundle.PathOf(o.Text("id")!) + (property.Length > 0 ? "." + property : ""), message));

    private bool IsActor(string? id) => id is not null && StixIds.TypeOf(id) is "intrusion-set" or "threat-actor";

    private static Slug SlugFor(HashSet<Slug> taken, string? wanted, string name)
    {
        if (Slug.TryParse(wanted, out var slug) && taken.Add(slug))
        {
            return slug;
        }

        slug = Slug.From(name);
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = Slug.From(name).WithSuffix(n);
        }

        return slug;
    }

    private CountryCode? Code(JsonElement o, string property, string? text, HashSet<CountryCode> known)
    {
        if (text is null)
        {
            return null;
        }

        if (CountryCode.TryParse(text, out var code) && known.Contains(code))
        {
            return code;
        }

        Problem(o, property, $"\"{text}\" is not a known ISO 3166-1 alpha-2 state code");
        return null;
    }

    private PartialDate? Date(JsonElement o, string property) => Date(o, property, o.Text(property));

    private PartialDate? Date(JsonElement o, string property, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        Problem(o, property, $"\"{text}\" is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03");
        return null;
    }
}
