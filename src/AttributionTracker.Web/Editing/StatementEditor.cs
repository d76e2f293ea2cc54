using System.Globalization;
using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;
using AttributionTracker.Web.Pages.Pickers;
using AttributionTracker.Web.Pages.Statements;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Editing;

/// <summary>
/// The rules a statement keeps, for the statement pages and the JSON API alike: resolving the names it gives to
/// records (or new records), checking every rule with each problem reported under its form field
/// (<c>Input.Parties[0].Name</c>; the API renames them), and writing the result onto the entity.
/// </summary>
/// <param name="statementId">The statement being edited; null for a new one (it may not answer itself).</param>
/// <param name="choices">Records to offer beside a field whose name found none or several, by field prefix.</param>
public sealed class StatementEditor(
    AttributionDbContext db,
    StatementInput input,
    int? statementId,
    ModelStateDictionary errors,
    IDictionary<string, IReadOnlyList<PickerOption>> choices)
{
    /// <summary>
    /// Resolves every name and checks every rule, reporting problems beside their fields; null when there is any.
    /// Nothing is written here, so a refused form leaves the store as it was.
    /// </summary>
    public async Task<Resolved?> ResolveAsync(CancellationToken ct)
    {
        var parties = new List<Picked>();
        for (var i = 0; i < input.Parties.Count; i++)
        {
            if (await PickAsync(PickerKind.Parties, input.Parties[i], $"Input.Parties[{i}]", "party", ct) is { } party)
            {
                if (party.Id is { } id && parties.Any(p => p.Id == id))
                {
                    errors.AddModelError($"Input.Parties[{i}].Name", $"{party.Name} is already listed.");
                }

                parties.Add(party);
            }
        }

        var actor = await PickAsync(PickerKind.Actors, input.AccusedActor, "Input.AccusedActor", "actor", ct);
        var incident = await PickAsync(PickerKind.Incidents, input.Incident, "Input.Incident", "incident", ct);
        var source = await PickAsync(PickerKind.Sources, input.Source, "Input.Source", "source", ct);

        CountryCode? state = null;
        if (!string.IsNullOrWhiteSpace(input.AccusedState))
        {
            if (CountryCode.TryParse(input.AccusedState, out var code) && await db.States.AnyAsync(s => s.Code == code, ct))
            {
                state = code;
            }
            else
            {
                errors.AddModelError("Input.AccusedState", "Choose a state from the list.");
            }
        }

        var confidence = Domain.Confidence.NotStated;
        ConfidenceLevel? level = null;
        if (!string.IsNullOrWhiteSpace(input.Confidence))
        {
            if (ConfidenceLevels.TryParseTerm(input.Confidence, out var parsed))
            {
                level = parsed;
            }
            else
            {
                errors.AddModelError("Input.Confidence", "Choose one of the yardstick's terms, or “not stated”.");
            }
        }

        confidence = new Confidence(level, Blank(input.ConfidenceWording));

        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(input.Date) && !PartialDate.TryParse(input.Date, out date))
        {
            errors.AddModelError("Input.Date", $"“{input.Date.Trim()}” is not a real date. Write it as 2021-07-19, 2021-07, early 2021 or 2021.");
        }

        var answers = await AnswersAsync(ct);
        var named = parties.Where(p => !p.Failed).ToList();
        var anyFailed = parties.Any(p => p.Failed) || actor?.Failed == true || incident?.Failed == true;
        if (input.Kind == StatementKind.Attribution && !anyFailed)
        {
            if (named.Count == 0)
            {
                errors.AddModelError("Input.Parties[0].Name", "An attribution needs at least one party: who made it?");
            }

            if (actor is null && state is null && errors.GetFieldValidationState("Input.AccusedState") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                errors.AddModelError("Input.AccusedActor.Name", "An attribution accuses someone: name the actor, the state, or both.");
            }
        }

        if (input.Kind == StatementKind.Denial && incident is null && answers is { Count: 0 })
        {
            errors.AddModelError("Input.Incident.Name", "A denial names the incident it is about or the statements it answers.");
        }

        var (quote, span, language) = await QuoteAndSpanAsync(source, ct);
        if (!errors.IsValid || answers is null)
        {
            return null;
        }

        return new Resolved(named, actor, incident, state, confidence, date, quote, language, source?.Id, span, answers, Blank(input.Notes));
    }

    /// <summary>Writes the resolved values onto <paramref name="statement"/>, creating the new records it names.</summary>
    public async Task ApplyAsync(AttributionStatement statement, Resolved r, CancellationToken ct)
    {
        statement.Kind = input.Kind;
        // Keys only (the entity is loaded without its references); a new record goes in by navigation.
        statement.AccusedActorId = r.Actor?.Id;
        if (r.Actor is { Id: null })
        {
            statement.AccusedActor = await NewActorAsync(r.Actor, ct);
        }

        statement.IncidentId = r.Incident?.Id;
        if (r.Incident is { Id: null })
        {
            statement.Incident = await NewIncidentAsync(r.Incident, ct);
        }

        statement.AccusedStateCode = r.State;
        statement.Confidence = r.Confidence;
        statement.Date = r.Date;
        statement.Quote = r.Quote;
        statement.QuoteLanguage = r.QuoteLanguage;
        statement.SourceId = r.SourceId;
        statement.SpanStart = r.Span?.Start;
        statement.SpanEnd = r.Span?.End;
        statement.Notes = r.Notes;

        var wanted = new List<StatementParty>();
        for (var position = 0; position < r.Parties.Count; position++)
        {
            var p = r.Parties[position];
            if (p.Id is { } id)
            {
                var kept = statement.Parties.FirstOrDefault(x => x.PartyId == id) ?? new StatementParty { PartyId = id };
                kept.Position = position;
                wanted.Add(kept);
            }
            else
            {
                wanted.Add(new StatementParty { Party = await NewPartyAsync(p, ct), Position = position });
            }
        }

        statement.Parties.RemoveAll(x => !wanted.Contains(x));
        statement.Parties.AddRange(wanted.Where(x => !statement.Parties.Contains(x)));

        statement.Answers.RemoveAll(a => !r.Answers.Contains(a.AnsweredStatementId));
        statement.Answers.AddRange(r.Answers.Where(id => !statement.Answers.Any(a => a.AnsweredStatementId == id)).Select(id => new StatementAnswer { AnsweredStatementId = id }));
    }

    private async Task<Picked?> PickAsync(PickerKind kind, PickedName value, string prefix, string what, CancellationToken ct)
    {
        var name = value.Name?.Trim();

        // A name the caller has already refused (the API's unknown slug) is a failed pick, not an absent one.
        if (errors.TryGetValue($"{prefix}.Name", out var refused) && refused.Errors.Count > 0)
        {
            return new Picked(null, name ?? "", value, Failed: true);
        }

        if (value.CreateNew && kind != PickerKind.Sources)
        {
            return await NewRecordAsync(kind, value, prefix, what, name, ct);
        }

        if (value.Choice is { } choice && await PickerQueries.ByIdAsync(db, kind, choice, ct) is { } chosen)
        {
            return Found(value, chosen);
        }

        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        // Kept while the name is the one it was resolved for: two records may share a name.
        if (value.Id is { } id && TextFolding.Key(name) == TextFolding.Key(value.IdName ?? "") && await PickerQueries.ByIdAsync(db, kind, id, ct) is { } known)
        {
            return Found(value, known);
        }

        var exact = await PickerQueries.ExactAsync(db, kind, name, ct);
        if (exact.Count == 1)
        {
            return Found(value, exact[0]);
        }

        value.Id = null;
        if (exact.Count == 0)
        {
            var near = await PickerQueries.SuggestAsync(db, kind, name, ct);
            choices[prefix] = near;
            var offer = kind == PickerKind.Sources ? "Pick one below, or give its number." : near.Count > 0 ? "Pick one below, or create it." : "Check the spelling, or create it.";
            errors.AddModelError($"{prefix}.Name", $"No {what} is called “{name}”. {offer}");
        }
        else
        {
            choices[prefix] = exact;
            errors.AddModelError($"{prefix}.Name", $"Several {(what == "party" ? "parties" : what + "s")} are called “{name}”: pick one below.");
        }

        return new Picked(null, name, value, Failed: true);
    }

    private static Picked Found(PickedName value, PickerOption option)
    {
        value.Name = option.Name;
        value.Id = option.Id;
        value.IdName = option.Name;
        value.Choice = null;
        return new Picked(option.Id, option.Name, value, Failed: false);
    }

    private async Task<Picked> NewRecordAsync(PickerKind kind, PickedName value, string prefix, string what, string? name, CancellationToken ct)
    {
        var failed = false;
        if (string.IsNullOrEmpty(name))
        {
            errors.AddModelError($"{prefix}.Name", $"Type the new {what}'s name.");
            failed = true;
        }

        if (kind == PickerKind.Parties && !Enum.TryParse<PartyKind>(value.NewKind, ignoreCase: true, out _))
        {
            errors.AddModelError($"{prefix}.NewKind", "Choose what kind of party it is.");
            failed = true;
        }

        if (kind == PickerKind.Actors && !Enum.TryParse<ActorKind>(value.NewKind, ignoreCase: true, out _))
        {
            errors.AddModelError($"{prefix}.NewKind", "Choose what kind of actor it is.");
            failed = true;
        }

        if (!string.IsNullOrWhiteSpace(value.NewState) && (!CountryCode.TryParse(value.NewState, out var code) || !await db.States.AnyAsync(s => s.Code == code, ct)))
        {
            errors.AddModelError($"{prefix}.NewState", "Choose a state from the list.");
            failed = true;
        }

        if (kind == PickerKind.Incidents && !string.IsNullOrWhiteSpace(value.NewDate) && !PartialDate.TryParse(value.NewDate, out _))
        {
            errors.AddModelError($"{prefix}.NewDate", $"“{value.NewDate.Trim()}” is not a real date. Write it as 2021-03-02, 2021-03, early 2021 or 2021.");
            failed = true;
        }

        value.Id = null;
        return new Picked(null, name ?? "", value, failed);
    }

    /// <summary>The ticked and typed statement numbers, checked to exist; null when one is wrong.</summary>
    private async Task<List<int>?> AnswersAsync(CancellationToken ct)
    {
        var ids = new List<int>(input.Answers);
        foreach (var part in (input.AnswersOther ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors.AddModelError("Input.AnswersOther", $"“{part}” is not a statement number: write numbers such as 12, 15.");
                return null;
            }
        }

        ids = [.. ids.Distinct()];
        if (statementId is { } self && ids.Contains(self))
        {
            errors.AddModelError("Input.AnswersOther", "A statement cannot answer itself.");
            return null;
        }

        var existing = await db.Statements.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        var missing = ids.Except(existing).ToList();
        if (missing.Count > 0)
        {
            errors.AddModelError("Input.AnswersOther", $"There is no statement number {string.Join(", ", missing)}.");
            return null;
        }

        return ids;
    }

    /// <summary>
    /// The quote and its span in the source: a given span must lie in the text and read as the quote (case, accents
    /// and spacing aside); a quote without a span is looked for in the text.
    /// </summary>
    private async Task<(string? Quote, (int Start, int End)? Span, string? Language)> QuoteAndSpanAsync(Picked? source, CancellationToken ct)
    {
        var quote = Blank(input.Quote);
        var (start, end) = (input.SpanStart, input.SpanEnd);
        if (source is null || source.Failed)
        {
            if (source is null && (start is not null || end is not null))
            {
                errors.AddModelError("Input.Source.Name", "A span points into a source: name the source.");
            }

            return (quote, null, null);
        }

        var src = await db.Sources.AsNoTracking().Where(s => s.Id == source.Id).Select(s => new { s.Text, s.Language }).SingleAsync(ct);
        if (start is null != end is null)
        {
            errors.AddModelError(start is null ? "Input.SpanStart" : "Input.SpanEnd", "Give both ends of the span, or neither (the quote is then found in the text).");
            return (quote, null, src.Language);
        }

        if (start is { } s && end is { } e)
        {
            if (s < 0 || e <= s || e > src.Text.Length)
            {
                errors.AddModelError("Input.SpanEnd", $"The span must lie within the source's {src.Text.Length:N0} characters, its start before its end.");
                return (quote, null, src.Language);
            }

            var read = src.Text[s..e];
            if (quote is null)
            {
                return (read, (s, e), src.Language);
            }

            if (TextFolding.Fold(read) != TextFolding.Fold(quote))
            {
                var shown = read.Length > 120 ? read[..120] + "…" : read;
                errors.AddModelError("Input.Quote", $"The quote does not match the source at characters {s}–{e}, which read “{shown}”.");
            }

            return (quote, (s, e), src.Language);
        }

        if (quote is null)
        {
            return (null, null, src.Language);
        }

        var at = src.Text.IndexOf(quote, StringComparison.Ordinal);
        if (at < 0)
        {
            at = src.Text.IndexOf(quote, StringComparison.OrdinalIgnoreCase);
        }

        if (at < 0)
        {
            errors.AddModelError("Input.Quote", "These words are not in the source's text: copy them exactly from it, or give the span.");
            return (quote, null, src.Language);
        }

        return (quote, (at, at + quote.Length), src.Language);
    }

    private Task<Party> NewPartyAsync(Picked p, CancellationToken ct) =>
        AddNewAsync(db.Parties, db.Parties.Select(x => x.Slug), p.Name, slug => new Party
        {
            Name = p.Name,
            Slug = slug,
            Kind = Enum.Parse<PartyKind>(p.Input.NewKind!, ignoreCase: true),
            StateCode = CountryCode.TryParse(p.Input.NewState, out var code) ? code : null,
        }, ct);

    private Task<Actor> NewActorAsync(Picked p, CancellationToken ct) =>
        AddNewAsync(db.Actors, db.Actors.Select(x => x.Slug), p.Name, slug => new Actor
        {
            Name = p.Name,
            Slug = slug,
            Kind = Enum.Parse<ActorKind>(p.Input.NewKind!, ignoreCase: true),
            SponsorStateCode = CountryCode.TryParse(p.Input.NewState, out var code) ? code : null,
        }, ct);

    private Task<Incident> NewIncidentAsync(Picked p, CancellationToken ct) =>
        AddNewAsync(db.Incidents, db.Incidents.Select(x => x.Slug), p.Name, slug => new Incident
        {
            Name = p.Name,
            Slug = slug,
            StartDate = PartialDate.TryParse(p.Input.NewDate, out var start) ? start : null,
        }, ct);

    /// <summary>
    /// A record the statement names for the first time, added to the store with a slug of its own: none taken, and
    /// not one of the reserved words of the record pages' addresses (as the record editors do).
    /// </summary>
    private static async Task<T> AddNewAsync<T>(DbSet<T> records, IQueryable<Slug> taken, string name, Func<Slug, T> create, CancellationToken ct)
        where T : class
    {
        var slugs = new SlugAllocator((await taken.ToListAsync(ct)).Concat(EditingRoutes.Reserved));
        var record = create(slugs.Allocate(name));
        records.Add(record);
        return record;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A name resolved to a record (<see cref="Id"/>), to a record to create (no id), or not at all.</summary>
    public sealed record Picked(int? Id, string Name, PickedName Input, bool Failed);

    /// <summary>Everything the form said, checked and resolved, ready to write.</summary>
    public sealed record Resolved(
        IReadOnlyList<Picked> Parties,
        Picked? Actor,
        Picked? Incident,
        CountryCode? State,
        Confidence Confidence,
        PartialDate? Date,
        string? Quote,
        string? QuoteLanguage,
        int? SourceId,
        (int Start, int End)? Span,
        IReadOnlyList<int> Answers,
        string? Notes);

    /// <summary>A stored statement to edit: tracked, with its parts but not the records it points to (set by key).</summary>
    public static Task<AttributionStatement?> LoadAsync(AttributionDbContext db, int id, CancellationToken ct) =>
        db.Statements
            .Include(s => s.Parties)
            .Include(s => s.Answers)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>
    /// Writes the resolved values over the stored statement as of the version the editor started from; false, and
    /// nothing saved, when someone saved a newer version first.
    /// </summary>
    public async Task<bool> SaveOverAsync(AttributionStatement statement, Resolved r, CancellationToken ct)
    {
        db.Entry(statement).Property(s => s.Version).OriginalValue = input.Version;
        await ApplyAsync(statement, r, ct);

        // Always an UPDATE of the statement (a change only to its parties included), so the version is always checked.
        db.Entry(statement).Property(s => s.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
