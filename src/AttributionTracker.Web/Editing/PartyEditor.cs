using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;
using AttributionTracker.Web.Pages.Parties;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Editing;

/// <summary>
/// Creates or updates a party with its aliases (the edit page and the API): problems are reported under the form's
/// field names (<c>Input.Parent</c>), and a save over a newer version is refused. Renaming keeps the slug.
/// </summary>
public sealed class PartyEditor(AttributionDbContext db, ModelStateDictionary errors)
{
    /// <summary>Creates a party when <paramref name="slug"/> is null, else updates that one as of <c>input.Version</c>.</summary>
    public async Task<EditResult<Party>> SaveAsync(string? slug, PartyInput input, CancellationToken ct)
    {
        var aliases = AliasRow.Validate(input.Aliases, null, errors, "Input.Aliases");
        var state = await StateCodes.CheckAsync(db, input.State, errors, "Input.State", ct);

        NamedRecord? parent = null;
        if (!string.IsNullOrWhiteSpace(input.Parent))
        {
            var found = await NameLookup.PartiesAsync(db, input.Parent, ct);
            if (found.Count == 1)
            {
                parent = found[0];
            }
            else
            {
                errors.AddModelError("Input.Parent", found.Count == 0
                    ? $"No party is called “{input.Parent.Trim()}”."
                    : $"Several parties are called that ({string.Join(", ", found.Select(p => $"{p.Name}: {p.Slug}"))}); type the one you mean by its slug.");
            }
        }

        if (!errors.IsValid)
        {
            return new(EditOutcome.Invalid, null);
        }

        var party = slug is null ? null : await FindAsync(db, slug, tracked: true, ct);
        if (slug is not null && party is null)
        {
            return new(EditOutcome.NotFound, null);
        }

        if (party is null)
        {
            var taken = await db.Parties.Select(p => p.Slug).ToListAsync(ct);
            party = new Party { Name = input.Name.Trim(), Slug = new SlugAllocator(taken.Concat(EditingRoutes.Reserved)).Allocate(input.Name) };
            db.Parties.Add(party);
        }
        else
        {
            db.Entry(party).Property(p => p.Version).OriginalValue = input.Version;
            if (parent is not null && await IsWithinAsync(parent.Id, party.Id, ct))
            {
                errors.AddModelError("Input.Parent", "A party cannot belong to itself or to one of its own members.");
                return new(EditOutcome.Invalid, null);
            }
        }

        party.Name = input.Name.Trim();
        party.Kind = input.Kind;
        party.StateCode = state;
        party.Role = Blank(input.Role);
        party.PersonName = Blank(input.Person);
        party.ParentId = parent?.Id;
        party.Description = Blank(input.Description);
        party.Aliases.RemoveAll(a => !aliases.Any(x => x.Key == a.Key));
        foreach (var (name, key, language) in aliases)
        {
            if (party.Aliases.Find(a => a.Key == key) is { } kept)
            {
                kept.Name = name;
                kept.Language = language;
            }
            else
            {
                party.Aliases.Add(new PartyAlias { Name = name, Key = key, Language = language });
            }
        }

        db.Entry(party).Property(p => p.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(EditOutcome.Conflict, null);
        }

        return new(EditOutcome.Saved, party);
    }

    /// <summary>The party with its aliases and the body it belongs to.</summary>
    public static Task<Party?> FindAsync(AttributionDbContext db, string slug, bool tracked, CancellationToken ct)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return Task.FromResult<Party?>(null);
        }

        var query = db.Parties.Include(p => p.Aliases).Include(p => p.Parent).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Slug == key, ct);
    }

    /// <summary>Whether <paramref name="candidate"/> is the party itself or below it (which would make a loop).</summary>
    private async Task<bool> IsWithinAsync(int candidate, int partyId, CancellationToken ct)
    {
        var parents = await db.Parties.AsNoTracking().Where(p => p.ParentId != null).Select(p => new { p.Id, p.ParentId }).ToDictionaryAsync(p => p.Id, p => p.ParentId!.Value, ct);
        for (int? at = candidate, steps = 0; at is { } id && steps < 100; at = parents.TryGetValue(id, out var up) ? up : null, steps++)
        {
            if (id == partyId)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
