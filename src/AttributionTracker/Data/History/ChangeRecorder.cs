using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AttributionTracker.Data.History;

/// <summary>
/// Turns what the change tracker is about to save into <see cref="RecordChange"/> rows. Values are taken before the
/// save (what a record was) and finished after it (what it became, with the keys the database assigned).
/// </summary>
internal static class ChangeRecorder
{
    // Secrets and counters never go into history: a hash is not history, and a failed sign-in is not a change.
    private static readonly HashSet<string> Unrecorded = new(StringComparer.Ordinal)
    {
        nameof(Account.PasswordHash), nameof(Account.SecurityStamp), nameof(Account.ConcurrencyStamp),
        nameof(Account.AccessFailedCount), nameof(Account.NormalizedEmail), nameof(Account.NormalizedUserName),
        nameof(IAudited.UpdatedAt), nameof(IAudited.Version), nameof(PersonalAccessToken.SecretHash),
        nameof(PersonalAccessToken.LastUsedAt),
    };

    public static List<PendingChange> Capture(ChangeTracker tracker)
    {
        var pending = new List<PendingChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsRecorded(entry.Metadata))
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => ChangeAction.Added,
                EntityState.Deleted => ChangeAction.Deleted,
                _ => ChangeAction.Modified,
            };
            var values = Values(entry).Where(v => action != ChangeAction.Modified || v.IsModified).ToList();
            if (action == ChangeAction.Modified && values.Count == 0)
            {
                continue;
            }

            pending.Add(new PendingChange(entry, action, action == ChangeAction.Added ? null : Json(values, original: true), values.Select(v => v.Name).ToList()));
        }

        return pending;
    }

    private static bool IsRecorded(IEntityType type) =>
        type.ClrType != typeof(RecordChange) && type.ClrType != typeof(ReferenceLoad)
        && type.ClrType != typeof(IdentityUserToken<string>) && !type.IsOwned();

    internal static IEnumerable<ValueOf> Values(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (!Unrecorded.Contains(property.Metadata.Name))
            {
                yield return new ValueOf(property.Metadata.Name, property.OriginalValue, property.CurrentValue, property.IsModified);
            }
        }

        foreach (var complex in entry.ComplexProperties)
        {
            // An absent optional value (no date) reads back as defaults (0001-01-01, "Year"); history says "none" instead.
            var properties = complex.Properties.ToList();
            var originalAbsent = properties.All(p => IsDefault(p.OriginalValue));
            var currentAbsent = complex.CurrentValue is null || properties.All(p => IsDefault(p.CurrentValue));
            foreach (var property in properties)
            {
                yield return new ValueOf(
                    $"{complex.Metadata.Name}.{property.Metadata.Name}",
                    originalAbsent ? null : property.OriginalValue,
                    currentAbsent ? null : property.CurrentValue,
                    property.IsModified);
            }
        }
    }

    private static bool IsDefault(object? value) =>
        value is null || (value.GetType().IsValueType && value.Equals(Activator.CreateInstance(value.GetType())));

    internal static string Json(IEnumerable<ValueOf> values, bool original)
    {
        var json = new JsonObject();
        foreach (var value in values)
        {
            json[value.Name] = Node(original ? value.Original : value.Current);
        }

        return json.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        DateTime d => JsonValue.Create(d.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset d => JsonValue.Create(d.ToString("O", CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        IFormattable f => JsonValue.Create(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}

internal readonly record struct ValueOf(string Name, object? Original, object? Current, bool IsModified);

/// <summary>A change captured before the save, made into a row after it.</summary>
internal sealed record PendingChange(EntityEntry Entry, ChangeAction Action, string? Before, IReadOnlyList<string> Names)
{
    public RecordChange ToRecord(DateTime at, string? by)
    {
        var type = Entry.Metadata;
        var key = string.Join('/', type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
        var (ownerType, ownerId) = Owner(Entry);
        return new RecordChange
        {
            At = at,
            By = by,
            Action = Action,
            RecordType = type.ClrType.Name,
            RecordKey = key,
            OwnerType = ownerType,
            OwnerId = ownerId,
            Before = Before,
            After = Action == ChangeAction.Deleted ? null : ChangeRecorder.Json(ChangeRecorder.Values(Entry).Where(v => Names.Contains(v.Name)), original: false),
        };
    }

    /// <summary>An audited record owns itself; a part (alias, party of a statement) is owned by the audited record it points to.</summary>
    private static (string? Type, int? Id) Owner(EntityEntry entry)
    {
        if (entry.Entity is Entity entity)
        {
            return (entry.Metadata.ClrType.Name, entity.Id);
        }

        // The owner is the record that holds this part in a collection (Statement.Parties, Actor.Aliases), not one it
        // merely points at (the party of a StatementParty, the coiner of an alias); the key's first column breaks ties
        // (a StatementAnswer belongs to the answering statement).
        var firstKey = entry.Metadata.FindPrimaryKey()?.Properties[0];
        var owners = entry.Metadata.GetForeignKeys()
            .Where(fk => typeof(Entity).IsAssignableFrom(fk.PrincipalEntityType.ClrType) && fk.Properties.Count == 1)
            .OrderBy(fk => fk.PrincipalToDependent is { IsCollection: true } ? 0 : 1)
            .ThenBy(fk => fk.Properties[0] == firstKey ? 0 : 1);
        foreach (var foreignKey in owners)
        {
            if (entry.Property(foreignKey.Properties[0].Name).CurrentValue is int id)
            {
                return (foreignKey.PrincipalEntityType.ClrType.Name, id);
            }
        }

        return (null, null);
    }
}
