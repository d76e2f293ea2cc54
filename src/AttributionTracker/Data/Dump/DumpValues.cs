using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace AttributionTracker.Data.Dump;

/// <summary>
/// How each column type is read from the database, written as JSON and read back: numbers as numbers, times as ISO 8601
/// text in UTC, binary as base64. Provider-neutral: values go through the ADO.NET reader and parameters as CLR values.
/// </summary>
public static class DumpValues
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static readonly HashSet<Type> Types =
    [
        typeof(string), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(float),
        typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
        typeof(Guid), typeof(byte[]),
    ];

    public static bool IsSupported(Type type) => Types.Contains(type);

    public static object? Read(DbDataReader reader, int ordinal, Type type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            _ when type == typeof(string) => reader.GetString(ordinal),
            _ when type == typeof(int) => reader.GetInt32(ordinal),
            _ when type == typeof(long) => reader.GetInt64(ordinal),
            _ when type == typeof(short) => reader.GetInt16(ordinal),
            _ when type == typeof(byte) => reader.GetByte(ordinal),
            _ when type == typeof(bool) => reader.GetBoolean(ordinal),
            _ when type == typeof(double) => reader.GetDouble(ordinal),
            _ when type == typeof(float) => reader.GetFloat(ordinal),
            _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
            _ when type == typeof(DateTime) => reader.GetDateTime(ordinal),
            _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
            _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(TimeOnly) => reader.GetFieldValue<TimeOnly>(ordinal),
            _ when type == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
            _ when type == typeof(Guid) => reader.GetGuid(ordinal),
            _ => reader.GetFieldValue<byte[]>(ordinal),
        };
    }

    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case byte b: json.WriteNumberValue(b); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d: json.WriteNumberValue(d); break;
            case float f: json.WriteNumberValue(f); break;
            case decimal m: json.WriteNumberValue(m); break;
            case DateTime d: json.WriteStringValue(d.ToString(DateTimeFormat, CultureInfo.InvariantCulture)); break;
            case DateTimeOffset d: json.WriteStringValue(d.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: json.WriteStringValue(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case TimeSpan t: json.WriteStringValue(t.ToString("c", CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: throw new NotSupportedException($"A dump cannot write a {value.GetType().Name}.");
        }
    }

    /// <summary>The value of <paramref name="json"/> as <paramref name="type"/>, or false when it is not one (a string where a number belongs...).</summary>
    public static bool TryParse(JsonElement json, Type type, out object? value)
    {
        value = null;
        if (json.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (json.ValueKind == JsonValueKind.Number)
        {
            return type switch
            {
                _ when type == typeof(int) => Box(json.TryGetInt32(out var v), v, out value),
                _ when type == typeof(long) => Box(json.TryGetInt64(out var v), v, out value),
                _ when type == typeof(short) => Box(json.TryGetInt16(out var v), v, out value),
                _ when type == typeof(byte) => Box(json.TryGetByte(out var v), v, out value),
                _ when type == typeof(double) => Box(json.TryGetDouble(out var v), v, out value),
                _ when type == typeof(float) => Box(json.TryGetSingle(out var v), v, out value),
                _ when type == typeof(decimal) => Box(json.TryGetDecimal(out var v), v, out value),
                _ => false,
            };
        }

        if (json.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Box(type == typeof(bool), json.GetBoolean(), out value);
        }

        if (json.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = json.GetString()!;
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(string) => Box(true, text, out value),
            _ when type == typeof(DateTime) => Box(DateTime.TryParseExact(text, DateTimeFormat, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var v), v, out value),
            _ when type == typeof(DateTimeOffset) => Box(DateTimeOffset.TryParseExact(text, "O", invariant, DateTimeStyles.None, out var v), v, out value),
            _ when type == typeof(DateOnly) => Box(DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var v), v, out value),
            _ when type == typeof(TimeOnly) => Box(TimeOnly.TryParseExact(text, "HH:mm:ss.FFFFFFF", invariant, DateTimeStyles.None, out var v), v, out value),
            _ when type == typeof(TimeSpan) => Box(TimeSpan.TryParseExact(text, "c", invariant, out var v), v, out value),
            _ when type == typeof(Guid) => Box(Guid.TryParseExact(text, "D", out var v), v, out value),
            _ when type == typeof(byte[]) => Box(json.TryGetBytesFromBase64(out var v), v, out value),
            _ => false,
        };
    }

    /// <summary>What a value of <paramref name="type"/> looks like in a dump, for error messages.</summary>
    public static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(DateTime) => "a UTC time like 2026-11-29T08:00:00Z",
        _ when type == typeof(DateTimeOffset) => "a time with offset like 2026-11-29T08:00:00.0000000+00:00",
        _ when type == typeof(DateOnly) => "a date like 2026-11-29",
        _ when type == typeof(Guid) => "a GUID",
        _ when type == typeof(byte[]) => "base64 text",
        _ => type.Name,
    };

    private static bool Box<T>(bool ok, T parsed, out object? value)
    {
        value = ok ? parsed : null;
        return ok;
    }
}
