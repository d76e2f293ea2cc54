using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

internal sealed partial class StixImportRun
{
    private async Task IncidentsAsync(IEnumerable<JsonElement> stixIncidents, CancellationToken ct)
    {
        var known = (await db.States.Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.Incidents.Include(i => i.Aliases).Include(i => i.Victims).ToListAsync(ct);
        var byId = existing.ToDictionary(i => StixIds.Incident(i.Slug.Value));
        var taken = existing.Select(i => i.Slug).ToHashSet();
        foreach (var o in stixIncidents)
        {
            var id = o.Text("id")!;
            var name = o.Text("name")!.Trim();
            var aliases = o.Items(X.Aliases).Select(a => (Name: a.Text("name"), Language: a.Text("language")))
                .Concat(o.Strings("aliases").Concat(o.Strings("x_opencti_aliases")).Select(a => (Name: (string?)a, Language: (string?)null)))
                .Where(a => !string.IsNullOrWhiteSpace(a.Name)).ToList();
            var keys = aliases.Select(a => TextFolding.Key(a.Name!)).Append(TextFolding.Key(name)).ToHashSet();
            var own = o.Text(X.Slug) is not null;
            var incident = byId.GetValueOrDefault(id)
                ?? (own ? null : existing.FirstOrDefault(i => i.Name == name))
                ?? (own ? null : existing.FirstOrDefault(i => keys.Contains(TextFolding.Key(i.Name)) || i.Aliases.Any(a => keys.Contains(a.Key))));
            if (incident is null)
            {
                incident = new Incident
                {
                    Name = name,
                    Slug = SlugFor(taken, o.Text(X.Slug), name),
                    Summary = o.Text("description"),
                    StartDate = Date(o, X.Start) ?? StixTime.Day(o.Text("first_seen")),
                    EndDate = Date(o, X.End) ?? StixTime.Day(o.Text("last_seen")),
                    Scale = o.Text(X.Scale),
                };
                if (o.Text(X.IncidentType) is { } type)
                {
                    if (Enum.TryParse<IncidentType>(type, ignoreCase: true, out var t) && Enum.IsDefined(t))
                    {
                        incident.Type = t;
                    }
                    else
                    {
                        Problem(o, X.IncidentType, $"\"{type}\" is not an incident type ({string.Join(", ", Enum.GetNames<IncidentType>())})");
                    }
                }

                foreach (var v in o.Items(X.Victims))
                {
                    if (v.Text("name") is { } victim)
                    {
                        incident.Victims.Add(new IncidentVictim { Name = victim, StateCode = Code(o, X.Victims, v.Text("state"), known) });
                    }
                }

                db.Incidents.Add(incident);
                existing.Add(incident);
                stamps.Add((incident, o));
                Result.Count(Result.Created, "incidents");
            }
            else
            {
                Result.Count(Result.Merged, "incidents");
            }

            foreach (var (alias, language) in aliases)
            {
                var key = TextFolding.Key(alias!);
                if (key.Length > 0 && alias != incident.Name && !incident.Aliases.Any(a => a.Key == key))
                {
                    incident.Aliases.Add(new IncidentAlias { Name = alias!, Key = key, Language = language });
                }
            }

            incidents[id] = incident;
        }
    }
}
