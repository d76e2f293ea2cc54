using System.Globalization;
using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.History;

/// <summary>The changes recorded for one record and its parts (aliases, a statement's parties), newest first, for its page.</summary>
public static class RecordHistory
{
    /// <summary>Enough for any record's page; older changes stay in the store.</summary>
    public const int Limit = 100;

    // Bookkeeping every save touches; showing it would bury the corrections.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Id", "StatementId", nameof(IAudited.CreatedAt), nameof(IAudited.UpdatedBy),
    };

    public static async Task<HistoryView> ForAsync(AttributionDbContext db, string ownerType, int ownerId, CancellationToken cancellationToken)
    {
        // A part (a statement's party, an actor's alias) is filed under the record that holds it, so one owner covers both.
        var rows = await db.RecordChanges.AsNoTracking()
            .Where(c => c.OwnerType == ownerType && c.OwnerId == ownerId)
            .OrderByDescending(c => c.Id)
            .Take(Limit)
            .Select(c => new { c.Id, c.At, c.By, c.Action, c.RecordType, c.RecordKey, c.Before, c.After, c.Reason })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(r => new HistoryEntry(r.Id, r.At, r.By, r.Action, r.RecordType, r.RecordKey, r.Reason, Fields(r.Action, r.Before, r.After))).ToList();
        var names = await NamesAsync(db, entries, cancellationToken);
        return new HistoryView(ownerType, [.. entries.Select(e => e with { Fields = [.. e.Fields.Select(f => Named(f, names))] })]);
    }

    // Keys in history are ids; a reader wants the names. One query per kind of record, whatever the number of changes.
    private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal)
    {
        ["accused actor id"] = "actor", ["incident id"] = "incident", ["party id"] = "party", ["parent id"] = "party",
        ["source id"] = "source", ["coined by id"] = "party",
    };

    private static async Task<Dictionary<(string Kind, int Id), string>> NamesAsync(AttributionDbContext db, List<HistoryEntry> entries, CancellationToken ct)
    {
        var wanted = entries.SelectMany(e => e.Fields)
            .Where(f => References.ContainsKey(f.Name))
            .SelectMany(f => new[] { f.Before, f.After }.Select(v => (Kind: References[f.Name], Value: v)))
            .Select(x => (x.Kind, Id: int.TryParse(x.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0))
            .Where(x => x.Id > 0)
            .ToLookup(x => x.Kind, x => x.Id);
        var names = new Dictionary<(string, int), string>();
        async Task Add(string kind, Func<List<int>, Task<List<KeyValuePair<int, string>>>> query)
        {
            var ids = wanted[kind].Distinct().ToList();
            if (ids.Count > 0)
            {
                foreach (var (id, name) in await query(ids))
                {
                    names[(kind, id)] = name;
                }
            }
        }

        await Add("actor", ids => db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new KeyValuePair<int, string>(a.Id, a.Name)).ToListAsync(ct));
        await Add("incident", ids => db.Incidents.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new KeyValuePair<int, string>(a.Id, a.Name)).ToListAsync(ct));
        await Add("party", ids => db.Parties.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new KeyValuePair<int, string>(a.Id, a.Name)).ToListAsync(ct));
        await Add("source", ids => db.Sources.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new KeyValuePair<int, string>(a.Id, a.Title)).ToListAsync(ct));
        return names;
    }

    /// <summary>"accused actor id: 1042" → "accused actor: Ministry of State Security (#1042)".</summary>
    private static FieldChange Named(FieldChange field, Dictionary<(string Kind, int Id), string> names)
    {
        if (!References.TryGetValue(field.Name, out var kind))
        {
            return field;
        }

        string? Name(string? value) =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && names.TryGetValue((kind, id), out var name) ? $"{name} (#{id})" : value;
        return new FieldChange(field.Name[..^" id".Length], Name(field.Before), Name(field.After));
    }

    /// <summary>Each changed value before and after, in the order first seen; an addition lists only what it set.</summary>
    public static IReadOnlyList<FieldChange> Fields(ChangeAction action, string? before, string? after)
    {
        var was = WithoutUnsetDates(Values(before));
        var now = WithoutUnsetDates(Values(after));
        var names = was.Keys.Concat(now.Keys).Distinct().Where(n => !Hidden.Contains(n));
        var fields = new List<FieldChange>();
        foreach (var name in names)
        {
            var b = was.GetValueOrDefault(name);
            var a = now.GetValueOrDefault(name);
            if ((action == ChangeAction.Added && a is null) || (action == ChangeAction.Deleted && b is null))
            {
                continue;
            }

            fields.Add(new FieldChange(Label(name), Shortened(b), Shortened(a)));
        }

        return fields;
    }

    /// <summary>A source's whole text in a history line would hide every other change.</summary>
    private static string? Shortened(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : value;

    private const int MaxValueLength = 300;

    // A missing partial date can reach history as its default (0001-01-01, Year): it means "none".
    private static Dictionary<string, string?> WithoutUnsetDates(Dictionary<string, string?> values)
    {
        foreach (var start in values.Keys.Where(k => k.EndsWith(".Start", StringComparison.Ordinal) && values[k] == "0001-01-01").ToList())
        {
            values[start] = null;
            values[start[..^".Start".Length] + ".Precision"] = null;
        }

        return values;
    }

    private static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }

    /// <summary>"Confidence.Level" → "confidence level", "AccusedStateCode" → "accused state code".</summary>
    public static string Label(string name)
    {
        var words = new System.Text.StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c == '.')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ').Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                words.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return words.ToString();
    }
}

/// <summary>What the history partial shows: whose history, and its entries.</summary>
public sealed record HistoryView(string OwnerType, IReadOnlyList<HistoryEntry> Entries)
{
    public static HistoryView Empty(string ownerType) => new(ownerType, []);
}

public sealed record HistoryEntry(long Id, DateTime At, string? By, ChangeAction Action, string RecordType, string RecordKey, string? Reason, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>"changed", "added party", "deleted"... — the record itself unnamed, its parts named.</summary>
    public string What(string ownerType)
    {
        var verb = Action switch { ChangeAction.Added => "added", ChangeAction.Deleted => "deleted", _ => "changed" };
        if (RecordType == ownerType)
        {
            return verb == "added" ? "created" : verb;
        }

        var part = RecordType switch
        {
            nameof(StatementParty) => "party",
            nameof(StatementAnswer) => "answer",
            nameof(ActorAlias) or nameof(PartyAlias) or nameof(IncidentAlias) => "alias",
            _ => RecordHistory.Label(RecordType),
        };
        return $"{verb} {part}";
    }
}

public sealed record FieldChange(string Name, string? Before, string? After);
