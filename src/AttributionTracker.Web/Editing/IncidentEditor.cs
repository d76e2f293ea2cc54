using AttributionTracker.Data;
using AttributionTracker.Data.Seeding;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;
using AttributionTracker.Web.Pages.Incidents;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Editing;

/// <summary>
/// Creates or updates an incident with its aliases and victims (the edit page and the API): problems are reported
/// under the form's field names (<c>Input.Victims[1].State</c>), and a save over a newer version is refused.
/// Renaming keeps the slug, so every link to the incident keeps working.
/// </summary>
public sealed class IncidentEditor(AttributionDbContext db, ModelStateDictionary errors)
{
    /// <summary>Creates an incident when <paramref name="slug"/> is null, else updates that one as of <c>input.Version</c>.</summary>
    public async Task<EditResult<Incident>> SaveAsync(string? slug, IncidentInput input, CancellationToken ct)
    {
        var start = DateField.Parse(input.Start, errors, "Input.Start");
        var end = DateField.Parse(input.End, errors, "Input.End");
        if (start is not null && end is not null && end.End < start.Start)
        {
            errors.AddModelError("Input.End", "The end cannot be before the start.");
        }

        var aliases = AliasRow.Validate(input.Aliases, null, errors, "Input.Aliases");
        var victims = await VictimsAsync(input.Victims, ct);
        if (!errors.IsValid)
        {
            return new(EditOutcome.Invalid, null);
        }

        var incident = slug is null ? null : await FindAsync(db, slug, tracked: true, ct);
        if (slug is not null && incident is null)
        {
            return new(EditOutcome.NotFound, null);
        }

        if (incident is null)
        {
            var taken = await db.Incidents.Select(i => i.Slug).ToListAsync(ct);
            incident = new Incident { Name = input.Name.Trim(), Slug = new SlugAllocator(taken.Concat(EditingRoutes.Reserved)).Allocate(input.Name) };
            db.Incidents.Add(incident);
        }
        else
        {
            db.Entry(incident).Property(i => i.Version).OriginalValue = input.Version;
        }

        incident.Name = input.Name.Trim();
        incident.Type = input.Type;
        incident.StartDate = start;
        incident.EndDate = end;
        incident.Scale = Blank(input.Scale);
        incident.Summary = Blank(input.Summary);
        incident.Aliases.RemoveAll(a => !aliases.Any(x => x.Key == a.Key));
        foreach (var (name, key, language) in aliases)
        {
            if (incident.Aliases.Find(a => a.Key == key) is { } kept)
            {
                kept.Name = name;
                kept.Language = language;
            }
            else
            {
                incident.Aliases.Add(new IncidentAlias { Name = name, Key = key, Language = language });
            }
        }

        incident.Victims.RemoveAll(v => !victims.Any(x => x.Name == v.Name && x.State == v.StateCode));
        incident.Victims.AddRange(victims.Where(x => !incident.Victims.Any(v => v.Name == x.Name && v.StateCode == x.State))
            .Select(x => new IncidentVictim { Name = x.Name, StateCode = x.State }));

        // Aliases and victims live in their own tables; marking the incident itself changed makes every save of
        // this form check (and bump) its version, so a change to a victim alone cannot slip past a conflict.
        db.Entry(incident).Property(i => i.UpdatedAt).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(EditOutcome.Conflict, null);
        }

        return new(EditOutcome.Saved, incident);
    }

    /// <summary>The incident with its aliases and victims.</summary>
    public static Task<Incident?> FindAsync(AttributionDbContext db, string slug, bool tracked, CancellationToken ct)
    {
        if (!Slug.TryParse(slug, out var key))
        {
            return Task.FromResult<Incident?>(null);
        }

        var query = db.Incidents.Include(i => i.Aliases).Include(i => i.Victims).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(i => i.Slug == key, ct);
    }

    private async Task<List<(string Name, CountryCode? State)>> VictimsAsync(IReadOnlyList<VictimRow> rows, CancellationToken ct)
    {
        var known = (await db.States.AsNoTracking().Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var result = new List<(string, CountryCode?)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Name))
            {
                if (!string.IsNullOrWhiteSpace(row.State))
                {
                    errors.AddModelError($"Input.Victims[{i}].Name", "Name the victim or clear its state.");
                }

                continue;
            }

            CountryCode? state = null;
            if (!string.IsNullOrWhiteSpace(row.State))
            {
                if (CountryCode.TryParse(row.State.Trim(), out var code) && known.Contains(code))
                {
                    state = code;
                }
                else
                {
                    errors.AddModelError($"Input.Victims[{i}].State", $"“{row.State}” is not a state's two-letter code (FI, GB, US…).");
                    continue;
                }
            }

            result.Add((row.Name.Trim(), state));
        }

        return result;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
