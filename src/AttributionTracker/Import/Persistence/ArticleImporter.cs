using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Import.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AttributionTracker.Import.Persistence;

/// <summary>
/// Writes one article and everything extracted from it to the store in one transaction: the source, then the
/// actors, parties and incidents its statements need — merged with what the store has by name and alias, so a
/// second article's "Hafnio" is the first one's HAFNIUM — then the statements with their spans and answers.
/// The same article again (same normalised-text hash) changes nothing.
/// </summary>
public sealed class ArticleImporter(AttributionDbContext db, ILogger<ArticleImporter> logger)
{
    public const string ChangedBy = "import";

    /// <summary>
    /// Whether the store already holds this article (by its normalised-text hash): a cheap look before the extraction,
    /// which costs seconds on a fresh process. <see cref="ImportAsync(ArticleText, string?, CancellationToken)"/> checks
    /// again under the write lock.
    /// </summary>
    public Task<bool> HoldsAsync(ArticleText article, CancellationToken cancellationToken = default)
    {
        var fingerprint = SourceText.Fingerprint(article.Text);
        return db.Sources.AnyAsync(s => s.TextSha256 == fingerprint, cancellationToken);
    }

    /// <summary>Extracts everything from the article and stores it all, as the command line and first-start seeding do.</summary>
    public Task<ImportResult> ImportAsync(ArticleText article, string? importedFrom, CancellationToken cancellationToken = default) =>
        ImportAsync(article, Extractor.Extract(article.Text, article.Language, article.Title, article.PublishedOn), importedFrom, ChangedBy, cancellationToken);

    /// <summary>
    /// Stores the article with the statements of <paramref name="reviewed"/> — the extraction as an editor left it,
    /// rejected statements removed and fields corrected — and the records they refer to.
    /// </summary>
    /// <param name="changedBy">Who the history names for every record written.</param>
    /// <exception cref="InvalidExtractionException">The extraction does not fit the article (<see cref="ExtractionCheck"/>); nothing was written.</exception>
    public async Task<ImportResult> ImportAsync(ArticleText article, Extraction reviewed, string? importedFrom, string changedBy = ChangedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(reviewed);
        var problems = ExtractionCheck.Problems(article.Text, reviewed);
        if (problems.Count > 0)
        {
            throw new InvalidExtractionException(problems);
        }

        var extraction = reviewed;
        var fingerprint = SourceText.Fingerprint(article.Text);
        var previousChangedBy = db.ChangedBy;
        db.ChangedBy = changedBy;

        // This takes the store's write lock at once (WriteTransactions), so the check below sees every import another
        // process has committed: two processes importing the same article store it once.
        await using var tx = await db.Database.BeginWriteTransactionAsync(cancellationToken);
        try
        {
            var existing = await db.Sources.Where(s => s.TextSha256 == fingerprint).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return new ImportResult(ImportOutcome.AlreadyImported, id, 0, 0, 0, 0);
            }

            var source = new Source
            {
                Title = article.Title ?? FirstWords(article.Text),
                Language = article.Language,
                Text = article.Text,
                TextSha256 = fingerprint,
                PublishedOn = article.PublishedOn,
                Url = article.Url,
                ImportedFrom = importedFrom,
            };
            db.Sources.Add(source);

            var records = new RecordResolver(db);
            var statements = new Dictionary<string, AttributionStatement>();
            foreach (var s in extraction.Statements)
            {
                var statement = new AttributionStatement
                {
                    Kind = s.Kind == "denial" ? StatementKind.Denial : StatementKind.Attribution,
                    AccusedActor = s.Actor is null ? null : await records.ActorAsync(extraction.Actors.Single(a => a.Id == s.Actor), cancellationToken),
                    AccusedStateCode = await records.StateAsync(s.State, cancellationToken),
                    Incident = s.Incident is null ? null : await records.IncidentAsync(extraction.Incidents.Single(i => i.Id == s.Incident), article.Language, cancellationToken),
                    Confidence = new Confidence(ConfidenceLevels.TryParseTerm(s.Confidence, out var level) ? level : null, s.ConfidenceText),
                    Date = PartialDate.TryParse(s.Date, out var date) ? date : null,
                    Quote = s.Quote,
                    QuoteLanguage = article.Language,
                    Source = source,
                    SpanStart = s.Start,
                    SpanEnd = s.End,
                };
                statement.Parties.Add(new StatementParty { Party = await records.PartyAsync(extraction.Parties.Single(p => p.Id == s.Party), cancellationToken), Position = 0 });
                statements[s.Id] = statement;
                db.Statements.Add(statement);
            }

            // After every statement exists, so an answer may point at any kept statement, not only an earlier one.
            foreach (var s in extraction.Statements)
            {
                foreach (var answered in s.Answers)
                {
                    statements[s.Id].Answers.Add(new StatementAnswer { AnsweredStatement = statements[answered] });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            logger.LogInformation("Imported {Statements} statements from {Source}", statements.Count, importedFrom ?? source.Title);
            return new ImportResult(ImportOutcome.Imported, source.Id, statements.Count, records.NewActors, records.NewParties, records.NewIncidents);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.ChangedBy = previousChangedBy;
        }
    }

    private static string FirstWords(string text)
    {
        var line = text.Split('\n', 2)[0];
        return line.Length <= 120 ? line : line[..line.LastIndexOf(' ', 117)] + "…";
    }
}
