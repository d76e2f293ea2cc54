using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.Editing;

namespace AttributionTracker.Web.Pages.Incidents;

/// <summary>
/// Creates (<c>/incidents/new</c>) and edits an incident. Renaming keeps the slug, so every link to the incident
/// keeps working; a new incident gets a slug from its first name.
/// </summary>
public sealed class EditModel(AttributionDbContext db, MarkdownRenderer markdown) : RecordEditModel<Incident, IncidentInput>(db, markdown)
{
    private const int BlankVictimSlots = 3;

    protected override Task<Incident?> FindAsync(string slug, CancellationToken cancellationToken) =>
        IncidentEditor.FindAsync(Db, slug, tracked: false, cancellationToken);

    protected override IncidentInput ToInput(Incident record) => IncidentInput.From(record);

    protected override Task<EditResult<Incident>> SaveAsync(string? slug, CancellationToken cancellationToken) =>
        new IncidentEditor(Db, ModelState).SaveAsync(slug, Input, cancellationToken);

    protected override Slug SlugOf(Incident record) => record.Slug;

    protected override string? MarkdownOf(IncidentInput input) => input.Summary;

    protected override IReadOnlyList<ConflictField> Differences(IncidentInput theirs) => ConflictView.Differences(
        ("Name", theirs.Name, Input.Name),
        ("Type", theirs.Type.ToString(), Input.Type.ToString()),
        ("Started", theirs.Start, Input.Start),
        ("Ended", theirs.End, Input.End),
        ("Scale", theirs.Scale, Input.Scale),
        ("Summary", theirs.Summary, Input.Summary),
        ("Aliases", Lines(theirs.Aliases.Select(a => a.Name)), Lines(Input.Aliases.Select(a => a.Name))),
        ("Victims", Lines(theirs.Victims.Select(v => $"{v.Name} {v.State}")), Lines(Input.Victims.Select(v => $"{v.Name} {v.State}"))));

    protected override Task PrepareFormAsync(string? slug, CancellationToken cancellationToken)
    {
        Input.Aliases = AliasRow.WithBlankSlots(Input.Aliases);
        Input.Victims = [.. Input.Victims.Where(v => !string.IsNullOrWhiteSpace(v.Name) || !string.IsNullOrWhiteSpace(v.State)),
            .. Enumerable.Range(0, BlankVictimSlots).Select(_ => new VictimRow())];
        return Task.CompletedTask;
    }
}
