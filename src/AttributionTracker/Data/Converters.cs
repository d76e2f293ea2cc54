using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AttributionTracker.Data;

internal sealed class CountryCodeConverter() : ValueConverter<CountryCode, string>(c => c.Value, s => CountryCode.Parse(s));

internal sealed class SlugConverter() : ValueConverter<Slug, string>(s => s.Value, s => Slug.Parse(s));
