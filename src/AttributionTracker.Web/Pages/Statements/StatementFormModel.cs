using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Pages.Pickers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Pages.Statements;

/// <summary>
/// What the new-statement and edit-statement pages share: the form's options, resolving typed names to records
/// (or new records), the rules a statement must keep, and writing the result onto the entity.
/// </summary>
public abstract class StatementFormModel(AttributionDbContext db) : PageModel
{
    /// <summary>Rows offered for parties beyond those already named, so a joint statement needs no script.</summary>
    public const int SpareParties = 2;

    [BindProperty]
    public StatementInput Input { get; set; } = new();

    public IReadOnlyList<StateOption> States { get; private set; } = [];

    /// <summary>Records offered beside a picker whose name found none or several, by field prefix ("Input.Parties[0]").</summary>
    public Dictionary<string, IReadOnlyList<PickerOption>> Choices { get; } = new(StringComparer.Ordinal);

    /// <summary>The incident's other statements, which a denial or response may answer.</summary>
    public IReadOnlyList<StatementLink> AnswerChoices { get; private set; } = [];

    /// <summary>The statement being edited; null for a new one.</summary>
    public int? StatementId { get; protected set; }

    protected AttributionDbContext Db => db;

    /// <summary>Loads what the form's selects and answer boxes offer, and pads the party rows.</summary>
    protected async Task PrepareFormAsync(CancellationToken ct)
    {
        if (States.Count == 0)
        {
            var states = await db.States.AsNoTracking().OrderBy(s => s.NameEn).Select(s => new { s.Code, s.NameEn }).ToListAsync(ct);
            States = [.. states.Select(s => new StateOption(s.Code.Value, s.NameEn))];
        }

        var named = Input.Parties.FindLastIndex(p => !p.IsEmpty) + 1;
        Input.Parties = [.. Input.Parties.Take(named)];
        while (Input.Parties.Count < named + SpareParties)
        {
            Input.Parties.Add(new PickedName());
        }

        if (Input.Incident.Id is int incidentId)
        {
            AnswerChoices = await db.Statements.AsNoTracking()
                .Where(s => s.IncidentId == incidentId && s.Id != StatementId && s.Kind != StatementKind.Denial)
                .OrderBy(s => s.Date!.Start).ThenBy(s => s.Id)
                .Select(s => new StatementLink(s.Id, s.Kind, s.Date, s.Parties.OrderBy(p => p.Position).Select(p => p.Party!.Name).FirstOrDefault()))
                .ToListAsync(ct);
        }
    }

    /// <summary>The form's values for a stored statement.</summary>
    protected static StatementInput InputFor(AttributionStatement s) => new()
    {
        Kind = s.Kind,
        Parties = [.. s.Parties.OrderBy(p => p.Position).Select(p => PickedName.For(p.PartyId, p.Party!.Name))],
        AccusedActor = s.AccusedActor is { } actor ? PickedName.For(actor.Id, actor.Name) : new(),
        AccusedState = s.AccusedStateCode?.Value,
        Incident = s.Incident is { } incident ? PickedName.For(incident.Id, incident.Name) : new(),
        Confidence = s.Confidence.Level?.ToTerm(),
        ConfidenceWording = s.Confidence.Wording,
        Date = s.Date?.ToString(),
        Quote = s.Quote,
        Source = s.Source is { } source ? PickedName.For(source.Id, source.Title) : new(),
        SpanStart = s.SpanStart,
        SpanEnd = s.SpanEnd,
        Answers = [.. s.Answers.Select(a => a.AnsweredStatementId)],
        Notes = s.Notes,
        Version = s.Version,
    };

    /// <summary>Resolves every name and checks every rule (see <see cref="StatementEditor"/>); null when any fails.</summary>
    protected Task<StatementEditor.Resolved?> ResolveAsync(CancellationToken ct) => Editor().ResolveAsync(ct);

    /// <summary>Writes the resolved values onto <paramref name="statement"/>, creating the new records it names.</summary>
    protected Task ApplyAsync(AttributionStatement statement, StatementEditor.Resolved r, CancellationToken ct) => Editor().ApplyAsync(statement, r, ct);

    /// <summary>Saves over the stored statement as of the form's version; false on a conflict.</summary>
    protected Task<bool> SaveOverAsync(AttributionStatement statement, StatementEditor.Resolved r, CancellationToken ct) => Editor().SaveOverAsync(statement, r, ct);

    private StatementEditor Editor() => new(db, Input, StatementId, ModelState, Choices);
}

public sealed record StateOption(string Code, string Name);
