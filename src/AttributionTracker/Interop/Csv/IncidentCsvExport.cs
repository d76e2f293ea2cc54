using System.Globalization;
using System.Text.RegularExpressions;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Csv;

/// <summary>
/// The incident list as a CSV file: first the CFR Cyber Operations Tracker's columns, filled from our record, so a
/// sheet made for the tracker reads ours; then our own. One row per incident with a statement matching the filter
/// (every incident when nothing is filtered), as on /incidents. The columns about who accused whom describe the
/// matching statements; Response and Denials describe every statement about the incident public on the as-of day,
/// since a kind filter would otherwise empty them.
/// </summary>
public static partial class IncidentCsvExport
{
    public static IReadOnlyList<string> Header { get; } =
    [
        // The CFR tracker's columns, in its order.
        "Title", "Date", "Affiliations", "Description", "Response", "Victims", "Sponsor", "Type", "Sources",
        // Ours.
        "Slug", "URL", "Accused actors", "Accused states", "Accusing parties", "Accusing states", "Highest confidence",
        "Matching statements", "Denials", "First attribution", "Latest attribution", "Latest statement",
    ];

    /// <summary>
    /// Writes the rows of <paramref name="orderedIds"/> in that order (the list page's sort), or, without it, every
    /// incident of the filter by start date (undated last), then name.
    /// </summary>
    public static async Task<int> WriteAsync(
        AttributionDbContext db, StatementFilter filter, IReadOnlyList<int>? orderedIds, Func<Slug, string> urlOf, Stream stream, CancellationToken cancellationToken)
    {
        var matching = filter.Apply(db.Statements.AsNoTracking());
        var ids = orderedIds ?? await DefaultOrderAsync(db, filter, matching, cancellationToken);
        var incidents = (await db.Incidents.AsNoTracking().Include(i => i.Victims)
            .Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken)).ToDictionary(i => i.Id);
        var statements = await matching.Where(s => s.IncidentId != null && ids.Contains(s.IncidentId.Value))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                IncidentId = s.IncidentId!.Value,
                s.Kind,
                s.Date,
                s.Confidence.Level,
                Parties = s.Parties.OrderBy(p => p.Position).Select(p => new { p.Party!.Slug, p.Party.Name, p.Party.StateCode }).ToList(),
                Actor = s.AccusedActor == null ? null : new { s.AccusedActor.Slug, s.AccusedActor.Name },
                State = s.AccusedState == null ? null : new { s.AccusedState.Code, s.AccusedState.NameEn },
                Source = s.Source == null ? null : s.Source.Url ?? s.Source.Title,
            })
            .ToListAsync(cancellationToken);
        var others = await db.Statements.AsNoTracking().PublicOn(filter.AsOf)
            .Where(s => s.IncidentId != null && ids.Contains(s.IncidentId.Value) && (s.Kind == StatementKind.Response || s.Kind == StatementKind.Denial))
            .OrderBy(s => s.Date!.Start).ThenBy(s => s.Id)
            .Select(s => new { IncidentId = s.IncidentId!.Value, s.Kind, s.Date, Parties = s.Parties.OrderBy(p => p.Position).Select(p => p.Party!.Name).ToList() })
            .ToListAsync(cancellationToken);
        var byIncident = statements.ToLookup(s => s.IncidentId);
        var othersByIncident = others.ToLookup(s => s.IncidentId);

        await using var csv = CsvWriter.Create(stream, CsvFormat.WriterOptions, leaveOpen: true);
        csv.WriteHeader([.. Header]);
        foreach (var id in ids.Where(incidents.ContainsKey))
        {
            var incident = incidents[id];
            var mine = byIncident[id].ToList();
            var attributions = mine.Where(s => s.Kind == StatementKind.Attribution && s.Date is not null).Select(s => s.Date!).ToList();
            var parties = mine.SelectMany(s => s.Parties).DistinctBy(p => p.Slug).ToList();
            string[] cells =
            [
                incident.Name,
                incident.StartDate?.ToString() ?? "",
                CsvFormat.Join(mine.Where(s => s.Actor is not null).Select(s => s.Actor!.Name).Distinct()),
                incident.Summary ?? "",
                CsvFormat.Join(othersByIncident[id].Where(s => s.Kind == StatementKind.Response)
                    .Select(s => $"{string.Join(", ", s.Parties)}{(s.Date is { } d ? $" ({d})" : "")}")),
                CsvFormat.Join(incident.Victims.OrderBy(v => v.Id).Select(v => v.Name)),
                CsvFormat.Join(mine.Where(s => s.State is not null).OrderBy(s => s.State!.NameEn).Select(s => s.State!.NameEn).Distinct()),
                TypeWords(incident.Type),
                CsvFormat.Join(mine.Select(s => s.Source).OfType<string>().Distinct()),
                incident.Slug.Value,
                urlOf(incident.Slug),
                CsvFormat.Join(mine.Where(s => s.Actor is not null).Select(s => s.Actor!.Slug.Value).Distinct()),
                CsvFormat.Join(mine.Where(s => s.State is not null).Select(s => s.State!.Code.Value).Distinct().Order(StringComparer.Ordinal)),
                CsvFormat.Join(parties.Select(p => p.Name)),
                CsvFormat.Join(parties.Select(p => p.StateCode).OfType<CountryCode>().Select(c => c.Value).Distinct()),
                mine.Max(s => s.Level)?.ToLabel() ?? "",
                mine.Count.ToString(CultureInfo.InvariantCulture),
                othersByIncident[id].Count(s => s.Kind == StatementKind.Denial).ToString(CultureInfo.InvariantCulture),
                attributions.Min()?.ToString() ?? "",
                attributions.Max()?.ToString() ?? "",
                mine.Select(s => s.Date).OfType<PartialDate>().Max()?.ToString() ?? "",
            ];
            csv.WriteRecord([.. cells.Select(CsvFormat.Text)]);
        }

        return ids.Count;
    }

    private static async Task<IReadOnlyList<int>> DefaultOrderAsync(
        AttributionDbContext db, StatementFilter filter, IQueryable<AttributionStatement> matching, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking();
        if (!filter.IsEmpty)
        {
            incidents = incidents.Where(i => matching.Any(s => s.IncidentId == i.Id));
        }

        return await incidents.OrderBy(i => i.StartDate == null).ThenBy(i => i.StartDate!.Start).ThenBy(i => i.Name).ThenBy(i => i.Id)
            .Select(i => i.Id).ToListAsync(cancellationToken);
    }

    /// <summary>"DenialOfService" → "denial of service", as the CFR tracker writes types.</summary>
    private static string TypeWords(IncidentType type) => CapitalInside().Replace(type.ToString(), " $0").ToLowerInvariant();

    [GeneratedRegex("(?<!^)[A-Z]")]
    private static partial Regex CapitalInside();
}
