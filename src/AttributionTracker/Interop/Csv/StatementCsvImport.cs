using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using Microsoft.EntityFrameworkCore;
using C = AttributionTracker.Interop.Csv.StatementCsvColumns;

namespace AttributionTracker.Interop.Csv;

/// <summary>What an import did.</summary>
public sealed record StatementCsvImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// Reads the statements CSV (<see cref="StatementCsvExport"/>'s format) back into the store. A row whose id is a
/// statement of this store updates it; any other row makes a new statement. Parties, actors and incidents are
/// looked up by slug and sources by id: an unknown one is an error, never a new record, because a typo must not
/// become a party. Every row is checked before anything is written, and everything is written in one transaction
/// that holds the store's write lock (<see cref="WriteTransactions"/>): a file with one bad row changes nothing.
/// </summary>
public sealed class StatementCsvImport(AttributionDbContext db)
{
    public async Task<StatementCsvImportResult> ImportAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        // Every row is checked even when another has a problem, so one run lists everything to fix.
        var (rows, problems, headerOk) = StatementCsvFile.Read(stream);

        // Checked and written under the store's write lock: what the checks found (slugs, sources, the statements rows
        // update) is still so when the rows are written, whatever another import or edit does meanwhile.
        await using var transaction = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        var parsed = headerOk ? await ResolveAsync(rows, problems, cancellationToken) : [];
        if (problems.Count > 0)
        {
            throw new CsvImportException(fileName, problems);
        }

        var result = await ApplyAsync(parsed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<List<ParsedRow>> ResolveAsync(
        List<(int Row, Dictionary<string, string> Cells)> rows, List<string> problems, CancellationToken cancellationToken)
    {
        var lookups = await StoreLookups.LoadAsync(db, rows.Select(r => r.Cells), cancellationToken);
        var fileIds = new Dictionary<int, int>();
        var parsed = new List<ParsedRow>();
        foreach (var (number, cells) in rows)
        {
            var row = new RowReader(number, cells, problems);
            var id = row.Int(C.Id);
            if (id is { } i && !fileIds.TryAdd(i, number))
            {
                row.Problem(C.Id, $"id {i} is also on row {fileIds[i]}");
            }

            var kind = row.Required(C.Kind) is { } k
                ? Enum.TryParse<StatementKind>(k, ignoreCase: true, out var sk) && Enum.IsDefined(sk) && !int.TryParse(k, out _) ? sk
                  : row.Fail<StatementKind>(C.Kind, $"“{k}” is not a kind: use one of {string.Join(", ", Enum.GetValues<StatementKind>().Select(StatementFilterQuery.ToQueryValue))}")
                : default;
            var date = row.Optional(C.Date) is { } d
                ? PartialDate.TryParse(d, out var pd) ? pd : row.Fail<PartialDate>(C.Date, $"“{d}” is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03")
                : null;

            var partySlugs = CsvFormat.Split(row.Required(C.PartySlugs) ?? "");
            var parties = new List<int>();
            foreach (var slug in partySlugs)
            {
                if (lookups.Parties.TryGetValue(slug, out var partyId))
                {
                    if (parties.Contains(partyId))
                    {
                        row.Problem(C.PartySlugs, $"party {slug} is named twice");
                    }

                    parties.Add(partyId);
                }
                else
                {
                    row.Problem(C.PartySlugs, $"no party has the slug “{slug}”");
                }
            }

            int? actor = row.Optional(C.ActorSlug) is { } a
                ? lookups.Actors.TryGetValue(a, out var actorId) ? actorId : row.Fail<int?>(C.ActorSlug, $"no actor has the slug “{a}”")
                : null;
            CountryCode? accused = row.Optional(C.AccusedState) is { } st
                ? CountryCode.TryParse(st, out var code) && lookups.States.Contains(code) ? code
                  : row.Fail<CountryCode?>(C.AccusedState, $"“{st}” is not the ISO code of a state in this store (such as CN or RU)")
                : null;
            int? incident = row.Optional(C.IncidentSlug) is { } inc
                ? lookups.Incidents.TryGetValue(inc, out var incidentId) ? incidentId : row.Fail<int?>(C.IncidentSlug, $"no incident has the slug “{inc}”")
                : null;
            ConfidenceLevel? level = row.Optional(C.Confidence) is { } conf
                ? ConfidenceLevels.TryParseTerm(conf, out var l) ? l
                  : row.Fail<ConfidenceLevel?>(C.Confidence, $"“{conf}” is not a confidence term: use one of {string.Join(", ", ConfidenceLevels.All.Select(x => x.ToTerm()))}")
                : null;
            var language = row.Optional(C.QuoteLanguage) is { } lang
                ? lang.Length == 2 && lang.All(char.IsAsciiLetterLower) ? lang : row.Fail<string>(C.QuoteLanguage, $"“{lang}” is not a two-letter language code such as en or es")
                : null;

            var sourceId = row.Int(C.SourceId);
            if (sourceId is { } sid && !lookups.SourceLengths.ContainsKey(sid))
            {
                row.Problem(C.SourceId, $"no source has the id {sid} in this store (import its article first)");
                sourceId = null;
            }

            var (start, end) = (row.Int(C.SpanStart), row.Int(C.SpanEnd));
            if (start is not null || end is not null)
            {
                if (start is null || end is null || sourceId is null)
                {
                    row.Problem(start is null ? C.SpanStart : C.SpanEnd, "a span needs span_start, span_end and source_id");
                }
                else if (start < 0 || end <= start || end > lookups.SourceLengths[sourceId.Value])
                {
                    row.Problem(C.SpanEnd, $"the span {start}–{end} is not inside source {sourceId} (0–{lookups.SourceLengths[sourceId.Value]}, start before end)");
                }
            }

            var answers = new List<int>();
            foreach (var text in CsvFormat.Split(row.Optional(C.Answers) ?? ""))
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var answered))
                {
                    row.Problem(C.Answers, $"“{text}” is not a statement id");
                }
                else if (answered == id)
                {
                    row.Problem(C.Answers, "a statement cannot answer itself");
                }
                else
                {
                    answers.Add(answered);
                }
            }

            var retracted = row.Optional(C.Retracted) is { } r
                ? bool.TryParse(r, out var b) ? b : row.Fail<bool>(C.Retracted, $"“{r}” is not true or false")
                : false;

            parsed.Add(new ParsedRow(
                number, id, kind, date, parties, actor, accused, incident,
                new Confidence(level, row.Optional(C.ConfidenceWording)),
                row.Optional(C.Quote), language, sourceId, start, end, answers, retracted));
        }

        // An answered id names a row of this file (by its id column) or else a statement already in the store.
        foreach (var row in parsed)
        {
            foreach (var answered in row.Answers.Where(a => !fileIds.ContainsKey(a) && !lookups.StatementIds.Contains(a)))
            {
                problems.Add($"row {row.Number}, column {C.Answers}: no statement has the id {answered}, in this file or in the store");
            }
        }

        return parsed;
    }

    private async Task<StatementCsvImportResult> ApplyAsync(List<ParsedRow> rows, CancellationToken cancellationToken)
    {
        var existingIds = rows.Select(r => r.Id).OfType<int>().ToList();
        var existing = await db.Statements
            .Include(s => s.Parties).Include(s => s.Answers)
            .Where(s => existingIds.Contains(s.Id))
            .AsSplitQuery()
            .ToDictionaryAsync(s => s.Id, cancellationToken);

        // The statement each row becomes, so that answers to a row of this file reach its (maybe new) statement.
        var byFileId = new Dictionary<int, AttributionStatement>();
        var (created, updated) = (0, 0);
        var statements = new List<(ParsedRow Row, AttributionStatement Statement)>();
        foreach (var row in rows)
        {
            var isNew = row.Id is not { } id || !existing.ContainsKey(id);
            var statement = isNew ? new AttributionStatement() : existing[row.Id!.Value];
            if (isNew)
            {
                db.Statements.Add(statement);
                created++;
            }

            if (row.Id is { } fileId)
            {
                byFileId[fileId] = statement;
            }

            statements.Add((row, statement));
        }

        foreach (var (row, s) in statements)
        {
            Set(s.Kind, row.Kind, v => s.Kind = v);
            Set(s.Date, row.Date, v => s.Date = v);
            Set(s.AccusedActorId, row.ActorId, v => s.AccusedActorId = v);
            Set(s.AccusedStateCode, row.AccusedState, v => s.AccusedStateCode = v);
            Set(s.IncidentId, row.IncidentId, v => s.IncidentId = v);
            Set(s.Confidence, row.Confidence, v => s.Confidence = v);
            Set(s.Quote, row.Quote, v => s.Quote = v);
            Set(s.QuoteLanguage, row.QuoteLanguage, v => s.QuoteLanguage = v);
            Set(s.SourceId, row.SourceId, v => s.SourceId = v);
            Set(s.SpanStart, row.SpanStart, v => s.SpanStart = v);
            Set(s.SpanEnd, row.SpanEnd, v => s.SpanEnd = v);
            if (row.Retracted && s.RetractedAt is null)
            {
                s.RetractedAt = db.Clock.GetUtcNow().UtcDateTime;
                s.RetractedBy = db.ChangedBy;
                s.RetractionReason = "Marked retracted in an imported statements CSV.";
            }

            SyncParties(s, row.PartyIds);
            SyncAnswers(s, row.Answers.Select(a => byFileId.TryGetValue(a, out var target) ? target : null).ToList(), row.Answers);
        }

        db.ChangeTracker.DetectChanges();
        foreach (var (_, statement) in statements.Where(x => x.Statement.Id != 0))
        {
            var entry = db.Entry(statement);
            var childChanged = db.ChangeTracker.Entries<StatementParty>().Any(e => e.Entity.StatementId == statement.Id && e.State != EntityState.Unchanged)
                || db.ChangeTracker.Entries<StatementAnswer>().Any(e => e.Entity.StatementId == statement.Id && e.State != EntityState.Unchanged);
            if (childChanged && entry.State == EntityState.Unchanged)
            {
                // A change of parties or answers is a change of the statement: its version and history say so.
                entry.Property(x => x.UpdatedAt).IsModified = true;
            }

            if (entry.State == EntityState.Modified)
            {
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new StatementCsvImportResult(created, updated, statements.Count - created - updated);
    }

    private static void SyncParties(AttributionStatement s, IReadOnlyList<int> partyIds)
    {
        s.Parties.RemoveAll(p => !partyIds.Contains(p.PartyId));
        for (var position = 0; position < partyIds.Count; position++)
        {
            var partyId = partyIds[position];
            if (s.Parties.FirstOrDefault(p => p.PartyId == partyId) is { } present)
            {
                if (present.Position != position)
                {
                    present.Position = position;
                }
            }
            else
            {
                s.Parties.Add(new StatementParty { PartyId = partyId, Position = position });
            }
        }
    }

    /// <summary>Answers to rows of this file point at their statements (new ones have no id yet); others by id.</summary>
    private static void SyncAnswers(AttributionStatement s, IReadOnlyList<AttributionStatement?> inFile, IReadOnlyList<int> ids)
    {
        var wanted = ids.Select((id, i) => inFile[i] is { Id: > 0 } known ? known.Id : inFile[i] is null ? id : (int?)null).OfType<int>().ToHashSet();
        s.Answers.RemoveAll(a => !wanted.Contains(a.AnsweredStatementId));
        foreach (var id in wanted.Where(w => !s.Answers.Any(a => a.AnsweredStatementId == w)))
        {
            s.Answers.Add(new StatementAnswer { AnsweredStatementId = id });
        }

        foreach (var target in inFile.Where(t => t is { Id: 0 }))
        {
            s.Answers.Add(new StatementAnswer { AnsweredStatement = target });
        }
    }

    // Only a real change is assigned, so an unchanged row leaves its statement (and its version and history) alone.
    private static void Set<T>(T current, T wanted, Action<T> assign)
    {
        if (!EqualityComparer<T>.Default.Equals(current, wanted))
        {
            assign(wanted);
        }
    }

    private sealed record ParsedRow(
        int Number, int? Id, StatementKind Kind, PartialDate? Date, IReadOnlyList<int> PartyIds, int? ActorId,
        CountryCode? AccusedState, int? IncidentId, Confidence Confidence, string? Quote, string? QuoteLanguage,
        int? SourceId, int? SpanStart, int? SpanEnd, IReadOnlyList<int> Answers, bool Retracted);
}
