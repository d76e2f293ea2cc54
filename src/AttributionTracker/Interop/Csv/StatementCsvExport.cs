using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using C = AttributionTracker.Interop.Csv.StatementCsvColumns;

namespace AttributionTracker.Interop.Csv;

/// <summary>
/// One row per statement matching a <see cref="StatementFilter"/>, in id order, with every field an import needs to
/// make the statement again (see <see cref="StatementCsvImport"/>) and the names a reader needs beside the slugs.
/// </summary>
public static class StatementCsvExport
{
    public static async Task<int> WriteAsync(AttributionDbContext db, StatementFilter filter, Stream stream, CancellationToken cancellationToken)
    {
        var rows = await filter.Apply(db.Statements.AsNoTracking())
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Kind,
                s.Date,
                Parties = s.Parties.OrderBy(p => p.Position).Select(p => new { p.Party!.Slug, p.Party.Name, p.Party.StateCode }).ToList(),
                ActorSlug = s.AccusedActor == null ? (Slug?)null : s.AccusedActor.Slug,
                ActorName = s.AccusedActor == null ? null : s.AccusedActor.Name,
                s.AccusedStateCode,
                IncidentSlug = s.Incident == null ? (Slug?)null : s.Incident.Slug,
                IncidentName = s.Incident == null ? null : s.Incident.Name,
                s.Confidence,
                s.Quote,
                s.QuoteLanguage,
                s.SourceId,
                SourceTitle = s.Source == null ? null : s.Source.Title,
                SourceUrl = s.Source == null ? null : s.Source.Url,
                s.SpanStart,
                s.SpanEnd,
                Answers = s.Answers.OrderBy(a => a.AnsweredStatementId).Select(a => a.AnsweredStatementId).ToList(),
                Retracted = s.RetractedAt != null,
            })
            .ToListAsync(cancellationToken);

        await using var csv = CsvWriter.Create(stream, CsvFormat.WriterOptions, leaveOpen: true);
        csv.WriteHeader([.. C.Names]);
        foreach (var s in rows)
        {
            string[] cells =
            [
                Number(s.Id),
                StatementFilterQuery.ToQueryValue(s.Kind),
                s.Date?.ToString() ?? "",
                CsvFormat.Join(s.Parties.Select(p => p.Slug.Value)),
                CsvFormat.Join(s.Parties.Select(p => p.Name)),
                CsvFormat.Join(s.Parties.Select(p => p.StateCode).OfType<CountryCode>().Select(c => c.Value).Distinct()),
                s.ActorSlug?.Value ?? "",
                s.ActorName ?? "",
                s.AccusedStateCode?.Value ?? "",
                s.IncidentSlug?.Value ?? "",
                s.IncidentName ?? "",
                s.Confidence.Level?.ToTerm() ?? "",
                s.Confidence.Wording ?? "",
                s.Quote ?? "",
                s.QuoteLanguage ?? "",
                Number(s.SourceId),
                s.SourceTitle ?? "",
                s.SourceUrl ?? "",
                Number(s.SpanStart),
                Number(s.SpanEnd),
                CsvFormat.Join(s.Answers.Select(a => Number(a))),
                s.Retracted ? "true" : "false",
            ];
            csv.WriteRecord([.. cells.Select(CsvFormat.Text)]);
        }

        return rows.Count;
    }

    /// <summary>A file name that says what was filtered: statements_accused-CN_kind-denial.csv.</summary>
    public static string FileName(string stem, StatementFilter filter)
    {
        var name = new System.Text.StringBuilder(stem);
        foreach (var (key, value) in filter.ToQuery())
        {
            var safe = key is StatementFilterQuery.AccusedState or StatementFilterQuery.AccusingState ? value : Slug.From(value).Value;
            name.Append('_').Append(key).Append('-').Append(safe);
        }

        return name.Append(".csv").ToString();
    }

    private static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
}
