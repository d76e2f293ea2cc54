using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Markdown;
using AttributionTracker.Web.Pages.Editing;

namespace AttributionTracker.Web.Pages.Parties;

/// <summary>Creates (<c>/parties/new</c>) and edits a party. Renaming keeps the slug.</summary>
public sealed class EditModel(AttributionDbContext db, MarkdownRenderer markdown) : RecordEditModel<Party, PartyInput>(db, markdown)
{
    protected override Task<Party?> FindAsync(string slug, CancellationToken cancellationToken) =>
        PartyEditor.FindAsync(Db, slug, tracked: false, cancellationToken);

    protected override PartyInput ToInput(Party record) => PartyInput.From(record);

    protected override Task<EditResult<Party>> SaveAsync(string? slug, CancellationToken cancellationToken) =>
        new PartyEditor(Db, ModelState).SaveAsync(slug, Input, cancellationToken);

    protected override Slug SlugOf(Party record) => record.Slug;

    protected override string? MarkdownOf(PartyInput input) => input.Description;

    protected override IReadOnlyList<ConflictField> Differences(PartyInput theirs) => ConflictView.Differences(
        ("Name", theirs.Name, Input.Name),
        ("Kind", theirs.Kind.ToString(), Input.Kind.ToString()),
        ("State", theirs.State, Input.State),
        ("Role", theirs.Role, Input.Role),
        ("Person", theirs.Person, Input.Person),
        ("Part of", theirs.Parent, Input.Parent),
        ("Description", theirs.Description, Input.Description),
        ("Aliases", Lines(theirs.Aliases.Select(a => a.Name)), Lines(Input.Aliases.Select(a => a.Name))));

    protected override Task PrepareFormAsync(string? slug, CancellationToken cancellationToken)
    {
        Input.Aliases = AliasRow.WithBlankSlots(Input.Aliases);
        return Task.CompletedTask;
    }
}
