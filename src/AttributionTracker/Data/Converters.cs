using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AttributionTracker.Data;

internal sealed class CountryCodeConverter() : ValueConverter<CountryCode, string>(c => c.Value, s => CountryCode.Parse(s));

internal sealed class SlugConverter() : ValueConverter<Slug, string>(s => s.Value, s => Slug.Parse(s));

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    d => d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime(),
    d => DateTime.SpecifyKind(d, DateTimeKind.Utc));

internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(d => d.ToUniversalTime(), d => d);
