using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

internal sealed partial class StixImportRun
{
    private async Task IdentitiesAsync(IEnumerable<JsonElement> identities, CancellationToken ct)
    {
        var known = (await db.States.Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.Parties.Include(p => p.Aliases).ToListAsync(ct);
        var byId = existing.ToDictionary(p => StixIds.Party(p.Slug.Value));
        var taken = existing.Select(p => p.Slug).ToHashSet();
        var created = new List<(Party Party, JsonElement From)>();
        foreach (var o in identities)
        {
            var id = o.Text("id")!;
            if (o.Text(X.StateCode) is { } stateCode)
            {
                if (Code(o, X.StateCode, stateCode, known) is { } code)
                {
                    states[id] = code;
                    Result.Count(Result.Merged, "states");
                }

                continue;
            }

            if (o.Text("identity_class") == "class")
            {
                Result.Count(Result.Skipped, "identity (class)");
                continue;
            }

            var name = o.Text("name")!.Trim();
            var kind = Enum.TryParse<PartyKind>(o.Text(X.PartyKind), ignoreCase: true, out var k) ? k
                : o.Text("identity_class") == "individual" ? PartyKind.Official
                : o.Text("x_opencti_organization_type") == "vendor" ? PartyKind.Company
                : PartyKind.Organisation;
            var state = Code(o, X.State, o.Text(X.State), known);
            var role = o.Strings("roles").FirstOrDefault();
            var aliases = o.Items(X.Aliases).Select(a => (Name: a.Text("name"), Language: a.Text("language")))
                .Concat(o.Strings("x_opencti_aliases").Select(a => (Name: (string?)a, Language: (string?)null)))
                .Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
            var keys = aliases.Select(a => TextFolding.Key(a.Name!)).Append(TextFolding.Key(name)).ToHashSet();
            // This application's own objects (they carry a slug) are distinct records: matched by id alone, never merged by name.
            var party = byId.GetValueOrDefault(id) ?? (o.Text(X.Slug) is not null ? null : kind switch
            {
                // One government per state, one holder of an office per state, as the article importer decides.
                PartyKind.Government when state is not null => existing.FirstOrDefault(p => p.Kind == PartyKind.Government && p.StateCode == state),
                PartyKind.Official when state is not null && role is not null => existing.FirstOrDefault(p => p.Kind == PartyKind.Official && p.StateCode == state && p.Role == role),
                _ => existing.FirstOrDefault(p => p.Name == name) ?? existing.FirstOrDefault(p => keys.Contains(TextFolding.Key(p.Name)) || p.Aliases.Any(a => keys.Contains(a.Key))),
            });
            if (party is null)
            {
                party = new Party
                {
                    Name = name,
                    Slug = SlugFor(taken, o.Text(X.Slug), name),
                    Kind = kind,
                    StateCode = state,
                    Role = role,
                    PersonName = o.Text(X.PersonName),
                    Description = o.Text("description"),
                };
                db.Parties.Add(party);
                existing.Add(party);
                created.Add((party, o));
                stamps.Add((party, o));
                Result.Count(Result.Created, "parties");
            }
            else
            {
                Result.Count(Result.Merged, "parties");
            }

            foreach (var (alias, language) in aliases)
            {
                var key = TextFolding.Key(alias!);
                if (key.Length > 0 && key != TextFolding.Key(party.Name) && !party.Aliases.Any(a => a.Key == key))
                {
                    party.Aliases.Add(new PartyAlias { Name = alias!, Key = key, Language = language });
                }
            }

            parties[id] = party;
        }

        foreach (var (party, o) in created)
        {
            if (o.Text(X.ParentRef) is { } parent)
            {
                if (parties.TryGetValue(parent, out var p))
                {
                    party.Parent = p;
                }
                else
                {
                    Problem(o, X.ParentRef, "the parent must be a party's identity");
                }
            }
        }
    }
}
