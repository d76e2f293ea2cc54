using System.Text.Json;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

/// <summary>
/// One import: identities (states and parties), actors, incidents, actor relations, reports (sources) and statements,
/// in that order since each refers to the ones before. Matching follows the article importer: stable id first, then
/// external ids, then folded names and aliases.
/// </summary>
internal sealed class StixImportRun(AttributionDbContext db, StixBundle bundle)
{
    private readonly Dictionary<string, CountryCode> states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Party> parties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Incident> incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> sourceOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributionStatement> statements = new(StringComparer.Ordinal);
    private readonly List<(Entity Record, JsonElement From)> stamps = [];
    private readonly List<(ActorRelation Record, JsonElement From)> relationStamps = [];

    public List<StixProblem> Problems { get; } = [];

    public StixImportResult Result { get; } = new();

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var objects = bundle.Objects.Values.ToList();
        await IdentitiesAsync(objects.Where(o => o.Type() == "identity"), ct);
        await ActorsAsync(objects.Where(o => o.Type() is "intrusion-set" or "threat-actor"), ct);
        await IncidentsAsync(objects.Where(o => o.Type() == "incident"), ct);
        await RelationsAsync(objects.Where(o => o.Type() == "relationship" && IsActor(o.Text("source_ref")) && IsActor(o.Text("target_ref"))), ct);
        await ReportsAsync(objects.Where(o => o.Type() == "report"), ct);
        await StatementsAsync(objects, ct);
        foreach (var o in objects.Where(o => o.Type() is not ("identity" or "intrusion-set" or "threat-actor" or "incident" or "relationship" or "report" or "opinion" or "note")))
        {
            Result.Count(Result.Skipped, o.Type());
        }

        if (Problems.Count > 0)
        {
            return;
        }

        await db.SaveChangesAsync(ct);

        // The store stamps what it adds with the present; an imported record keeps the times its bundle gives.
        foreach (var (record, from) in stamps)
        {
            var (created, modified) = (from.Time("created"), from.Time("modified"));
            await (record switch
            {
                Party p => RestoreAsync(p, created, modified, ct),
                Actor a => RestoreAsync(a, created, modified, ct),
                Incident i => RestoreAsync(i, created, modified, ct),
                Source s => RestoreAsync(s, created, modified, ct),
                _ => RestoreAsync((AttributionStatement)record, created, modified, ct),
            });
        }

        foreach (var (relation, from) in relationStamps)
        {
            await db.ActorRelations.Where(r => r.Id == relation.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, from.Time("created")).SetProperty(r => r.UpdatedAt, from.Time("modified")), ct);
        }
    }

    private Task RestoreAsync<T>(T record, DateTime created, DateTime modified, CancellationToken ct)
        where T : Entity =>
        db.Set<T>().Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, created).SetProperty(r => r.UpdatedAt, modified), ct);

    private void Problem(JsonElement o, string property, string message) =>
        Problems.Add(new StixProblem(o.Text("id"), bundle.PathOf(o.Text("id")!) + (property.Length > 0 ? "." + property : ""), message));

    private bool IsActor(string? id) => id is not null && StixIds.TypeOf(id) is "intrusion-set" or "threat-actor";

    private static Slug SlugFor(HashSet<Slug> taken, string? wanted, string name)
    {
        if (Slug.TryParse(wanted, out var slug) && taken.Add(slug))
        {
            return slug;
        }

        slug = Slug.From(name);
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = Slug.From(name).WithSuffix(n);
        }

        return slug;
    }

    private CountryCode? Code(JsonElement o, string property, string? text, HashSet<CountryCode> known)
    {
        if (text is null)
        {
            return null;
        }

        if (CountryCode.TryParse(text, out var code) && known.Contains(code))
        {
            return code;
        }

        Problem(o, property, $"\"{text}\" is not a known ISO 3166-1 alpha-2 state code");
        return null;
    }

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

    private async Task ActorsAsync(IEnumerable<JsonElement> stixActors, CancellationToken ct)
    {
        var known = (await db.States.Select(s => s.Code).ToListAsync(ct)).ToHashSet();
        var existing = await db.Actors.Include(a => a.Aliases).Include(a => a.ExternalIds).Include(a => a.References).ToListAsync(ct);
        var byId = existing.ToDictionary(a => StixIds.Actor(StixObjectMapper.ActorType(a.Kind), a.Slug.Value));
        var taken = existing.Select(a => a.Slug).ToHashSet();
        foreach (var o in stixActors)
        {
            var id = o.Text("id")!;
            var name = o.Text("name")!.Trim();
            var externals = o.Items("external_references").Select(e => (System: e.Text("source_name") ?? "", Id: e.Text("external_id"), Url: e.Text("url"))).ToList();
            var ids = externals.Where(e => e.Id is not null && e.System is ExternalIdSystems.MitreAttack or ExternalIdSystems.Misp).ToList();
            var aliases = o.Items(X.Aliases).Select(a => (Name: a.Text("name"), Language: a.Text("language"), By: a.Text("coined_by_ref"), Origin: a.Text("origin")))
                .ToList();
            if (aliases.Count == 0)
            {
                aliases = [.. o.Strings("aliases").Concat(o.Strings("x_opencti_aliases")).Distinct().Select(a => (Name: (string?)a, Language: (string?)null, By: (string?)null, Origin: (string?)StixImporter.ChangedBy))];
            }

            var keys = aliases.Where(a => a.Name is not null).Select(a => TextFolding.Key(a.Name!)).Append(TextFolding.Key(name)).Where(k => k.Length > 0).ToHashSet();
            var own = o.Text(X.Slug) is not null;
            var actor = byId.GetValueOrDefault(id)
                ?? existing.FirstOrDefault(a => a.ExternalIds.Any(x => ids.Any(i => (!own || i.System == ExternalIdSystems.Misp) && i.System == x.System && string.Equals(i.Id, x.Value, StringComparison.OrdinalIgnoreCase))))
                ?? (own ? null : existing.FirstOrDefault(a => a.Name == name))
                ?? (own ? null : existing.FirstOrDefault(a => keys.Contains(TextFolding.Key(a.Name)) || a.Aliases.Any(x => keys.Contains(x.Key))));
            if (actor is null)
            {
                var kind = Enum.TryParse<ActorKind>(o.Text(X.ActorKind), ignoreCase: true, out var k) ? k
                    : o.Type() == "threat-actor" && o.Text("resource_level") == "government" ? ActorKind.Agency
                    : ActorKind.Group;
                actor = new Actor
                {
                    Name = name,
                    Slug = SlugFor(taken, o.Text(X.Slug), name),
                    Kind = kind,
                    SponsorStateCode = Code(o, X.SponsorState, o.Text(X.SponsorState), known),
                    Description = o.Text("description"),
                };
                db.Actors.Add(actor);
                existing.Add(actor);
                stamps.Add((actor, o));
                Result.Count(Result.Created, "actors");
            }
            else
            {
                Result.Count(Result.Merged, "actors");
            }

            foreach (var (alias, language, by, origin) in aliases)
            {
                var key = alias is null ? "" : TextFolding.Key(alias);
                if (key.Length == 0 || key == TextFolding.Key(actor.Name) || actor.Aliases.Any(a => a.Key == key))
                {
                    continue;
                }

                Party? coiner = null;
                if (by is not null && !parties.TryGetValue(by, out coiner))
                {
                    Problem(o, X.Aliases, $"coined_by_ref {by} is not a party's identity");
                }

                actor.Aliases.Add(new ActorAlias { Name = alias!, Key = key, Language = language, CoinedBy = coiner, Origin = origin ?? StixImporter.ChangedBy });
            }

            foreach (var (system, value, url) in externals)
            {
                if (value is not null && system is ExternalIdSystems.MitreAttack or ExternalIdSystems.Misp)
                {
                    if (!actor.ExternalIds.Any(x => x.System == system && x.Value == value))
                    {
                        actor.ExternalIds.Add(new ActorExternalId { System = system, Value = value });
                    }
                }
                else if (StixElement.IsWebAddress(url) && !actor.References.Any(r => r.Url == url))
                {
                    actor.References.Add(new ActorReference { Url = url! });
                }
            }

            actors[id] = actor;
        }
    }

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

    private PartialDate? Date(JsonElement o, string property)
    {
        if (o.Text(property) is not { } text)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        Problem(o, property, $"\"{text}\" is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03");
        return null;
    }

    private async Task RelationsAsync(IEnumerable<JsonElement> relationships, CancellationToken ct)
    {
        var existing = await db.ActorRelations.ToListAsync(ct);
        foreach (var o in relationships)
        {
            var kind = (o.Text(X.Relation) ?? o.Text("relationship_type")) switch
            {
                "operates-for" or "attributed-to" => ActorRelationKind.OperatesFor,
                "part-of" => ActorRelationKind.PartOf,
                _ => (ActorRelationKind?)null,
            };
            if (kind is null || !actors.TryGetValue(o.Text("source_ref")!, out var from) || !actors.TryGetValue(o.Text("target_ref")!, out var to))
            {
                Result.Count(Result.Skipped, $"relationship ({o.Text("relationship_type")})");
                continue;
            }

            if (existing.Any(r => (r.FromActor == from || (from.Id != 0 && r.FromActorId == from.Id)) && (r.ToActor == to || (to.Id != 0 && r.ToActorId == to.Id)) && r.Kind == kind))
            {
                Result.Count(Result.Merged, "actor relations");
                continue;
            }

            var relation = new ActorRelation { FromActor = from, ToActor = to, Kind = kind.Value, Note = o.Text("description") };
            db.ActorRelations.Add(relation);
            existing.Add(relation);
            relationStamps.Add((relation, o));
            Result.Count(Result.Created, "actor relations");
        }
    }

    private async Task ReportsAsync(IEnumerable<JsonElement> reports, CancellationToken ct)
    {
        var existing = await db.Sources.ToDictionaryAsync(s => s.TextSha256, ct);
        foreach (var o in reports)
        {
            var x = o.Object(X.Source);
            var raw = x?.Text("text") ?? o.Text("description") ?? o.Text("name")!;
            var text = SourceText.Normalise(raw);
            var sha = SourceText.Fingerprint(text);
            if (!existing.TryGetValue(sha, out var source))
            {
                var url = x?.Text("url") ?? o.Items("external_references").Select(e => e.Text("url")).FirstOrDefault(StixElement.IsWebAddress);
                if (url is not null && !StixElement.IsWebAddress(url))
                {
                    Problem(o, X.Source + ".url", "a source's address must be an http or https URL");
                }

                var language = o.Text("lang") ?? "en";
                source = new Source
                {
                    Title = o.Text("name")!,
                    Publisher = x is { } xs ? xs.Text("publisher") : o.Items("external_references").Select(e => e.Text("source_name")).FirstOrDefault(),
                    Url = url,
                    Language = language.Length == 2 ? language : language[..Math.Min(2, language.Length)],
                    PublishedOn = x is { } xp ? Date(o, X.Source + ".published", xp.Text("published")) : StixTime.Day(o.Text("published")),
                    Text = text,
                    TextSha256 = sha,
                    ImportedFrom = x is { } xi ? xi.Text("imported_from") : "STIX " + bundle.Id,
                };
                db.Sources.Add(source);
                existing[sha] = source;
                stamps.Add((source, o));
                Result.Count(Result.Created, "sources");
            }
            else if (!stamps.Any(s => s.Record == source))
            {
                Result.Count(Result.Merged, "sources");
            }

            foreach (var r in o.Strings("object_refs"))
            {
                sourceOf.TryAdd(r, source);
            }
        }
    }

    private PartialDate? Date(JsonElement o, string property, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return date;
        }

        Problem(o, property, $"\"{text}\" is not a date such as 2021, 2021-03, 2021-03-19 or early 2021-03");
        return null;
    }

    private async Task StatementsAsync(List<JsonElement> objects, CancellationToken ct)
    {
        var groups = new List<List<JsonElement>>();
        var byKey = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            var isStatement = o.Type() switch
            {
                "relationship" => !IsActor(o.Text("source_ref")) && o.Text("relationship_type") == "attributed-to"
                    && incidents.ContainsKey(o.Text("source_ref")!) && (actors.ContainsKey(o.Text("target_ref")!) || states.ContainsKey(o.Text("target_ref")!)),
                "opinion" => true,
                "note" => o.Text(X.Statement) is not null,
                _ => false,
            };
            if (!isStatement)
            {
                if (o.Type() is "note" || (o.Type() == "relationship" && !(IsActor(o.Text("source_ref")) && IsActor(o.Text("target_ref")))))
                {
                    Result.Count(Result.Skipped, $"{o.Type()}{(o.Text("relationship_type") is { } rt ? $" ({rt})" : "")}");
                }

                continue;
            }

            var key = o.Text(X.Statement) ?? o.Text("id")!;
            if (!byKey.TryGetValue(key, out var group))
            {
                groups.Add(byKey[key] = group = []);
            }

            group.Add(o);
        }

        var existingKeys = await ExistingStatementKeysAsync(ct);
        var created = new List<(AttributionStatement Statement, List<JsonElement> From)>();
        foreach (var group in groups)
        {
            var statement = Statement(group);
            if (statement is null)
            {
                continue;
            }

            var key = group[0].Text(X.Statement) ?? StatementKeys.Key(statement, statement.Source?.TextSha256,
                lead: statement.Parties.Select(p => p.Party!.Slug.Value).FirstOrDefault() ?? "",
                incident: statement.Incident?.Slug.Value ?? "", actor: statement.AccusedActor?.Slug.Value ?? "");
            if (existingKeys.TryGetValue(key, out var existingStatement))
            {
                Result.Count(Result.Merged, "statements");
                statement = existingStatement;
            }
            else
            {
                db.Statements.Add(statement);
                existingKeys[key] = statement;
                created.Add((statement, group));
                stamps.Add((statement, group[0]));
                Result.Count(Result.Created, "statements");
            }

            foreach (var o in group)
            {
                statements[o.Text("id")!] = statement;
            }
        }

        foreach (var (statement, group) in created)
        {
            var refs = group.SelectMany(o => o.Strings(X.Answers)).ToList();
            if (refs.Count == 0)
            {
                refs = [.. group.Where(o => o.Type() == "opinion").SelectMany(o => o.Strings("object_refs"))];
            }

            foreach (var answered in refs.Select(r => statements.GetValueOrDefault(r)).OfType<AttributionStatement>().Distinct())
            {
                statement.Answers.Add(new StatementAnswer { AnsweredStatement = answered });
            }
        }
    }

    private AttributionStatement? Statement(List<JsonElement> group)
    {
        var first = group[0];
        var ours = first.Text(X.Statement) is not null;
        var problemsBefore = Problems.Count;
        var kind = Enum.TryParse<StatementKind>(first.Text(X.Kind), ignoreCase: true, out var k) && Enum.IsDefined(k) ? k
            : first.Text(X.Kind) is { } unknown ? Fail(first, X.Kind, $"\"{unknown}\" is not a statement kind ({string.Join(", ", Enum.GetNames<StatementKind>())})")
            : first.Type() == "opinion" ? StatementKind.Denial : StatementKind.Attribution;
        var partyRefs = first.Strings(X.Parties).ToList();
        if (partyRefs.Count == 0 && first.Text("created_by_ref") is { } author)
        {
            partyRefs.Add(author);
        }

        if (partyRefs.Count == 0)
        {
            Problem(first, "created_by_ref", "a statement needs the party that made it: created_by_ref naming its identity");
        }

        var statement = new AttributionStatement { Kind = kind };
        foreach (var (r, i) in partyRefs.Select((r, i) => (r, i)))
        {
            if (parties.TryGetValue(r, out var party))
            {
                statement.Parties.Add(new StatementParty { Party = party, Position = i });
            }
            else
            {
                Problem(first, first.Strings(X.Parties).Any() ? X.Parties : "created_by_ref", $"{r} is not the identity of a party (a state's identity cannot make statements)");
            }
        }

        foreach (var o in group)
        {
            if (o.Type() == "relationship")
            {
                statement.Incident = incidents[o.Text("source_ref")!];
                var target = o.Text("target_ref")!;
                if (actors.TryGetValue(target, out var actor))
                {
                    statement.AccusedActor = actor;
                }
                else
                {
                    statement.AccusedStateCode = states[target];
                }
            }
            else
            {
                statement.Incident ??= Ref(o, X.IncidentRef, incidents);
                statement.AccusedActor ??= Ref(o, X.ActorRef, actors);
                if (o.Text(X.StateRef) is { } s)
                {
                    statement.AccusedStateCode = states.TryGetValue(s, out var code) ? code : Fail<CountryCode?>(o, X.StateRef, $"{s} is not a state's identity");
                }
            }
        }

        if (first.Int("confidence") is { } confidence)
        {
            statement.Confidence = new Confidence(StixConfidence.FromStix(confidence), first.Text(X.ConfidenceWording));
        }
        else if (first.Text(X.ConfidenceWording) is { } wording)
        {
            statement.Confidence = new Confidence(null, wording);
        }

        statement.Date = Date(first, X.Date) ?? (first.Text(X.Date) is null ? StixTime.Day(first.Text("start_time")) : null);
        statement.Quote = ours ? first.Text(X.Quote) : first.Text("description") ?? first.Text("explanation") ?? first.Text("content");
        statement.QuoteLanguage = first.Text(X.QuoteLanguage);
        statement.Source = group.Select(o => sourceOf.GetValueOrDefault(o.Text("id")!)).FirstOrDefault(s => s is not null);
        statement.Notes = first.Text(X.Notes);
        var span = first.Items(X.QuoteSpan).Where(i => i.ValueKind == JsonValueKind.Number).Select(i => i.TryGetInt32(out var v) ? v : -1).ToList();
        if (span.Count > 0)
        {
            if (span.Count != 2 || statement.Source is null || span[0] < 0 || span[1] <= span[0] || span[1] > statement.Source.Text.Length)
            {
                Problem(first, X.QuoteSpan, "a quote span is [start, end) within the text of the report that holds the statement");
            }
            else
            {
                (statement.SpanStart, statement.SpanEnd) = (span[0], span[1]);
            }
        }

        if (statement.Quote is { Length: > 4000 })
        {
            Problem(first, X.Quote, "a quote is at most 4000 characters");
        }

        if (statement.Confidence.Wording is { Length: > 200 })
        {
            Problem(first, X.ConfidenceWording, "a confidence wording is at most 200 characters");
        }

        if (first.Object(X.Retracted) is { } retracted)
        {
            statement.RetractedAt = retracted.Time("at");
            statement.RetractedBy = retracted.Text("by");
            statement.RetractionReason = retracted.Text("reason");
        }

        return Problems.Count > problemsBefore ? null : statement;
    }

    private T? Ref<T>(JsonElement o, string property, Dictionary<string, T> records)
        where T : class
    {
        if (o.Text(property) is not { } r)
        {
            return null;
        }

        return records.TryGetValue(r, out var record) ? record : Fail<T?>(o, property, $"{r} is not a{(typeof(T) == typeof(Incident) ? "n incident" : "n actor")}");
    }

    private T Fail<T>(JsonElement o, string property, string message)
    {
        Problem(o, property, message);
        return default!;
    }

    private StatementKind Fail(JsonElement o, string property, string message) => Fail<StatementKind>(o, property, message);

    private async Task<Dictionary<string, AttributionStatement>> ExistingStatementKeysAsync(CancellationToken ct)
    {
        var all = await db.Statements.Include(s => s.Parties).ThenInclude(p => p.Party).Include(s => s.Incident).Include(s => s.AccusedActor).Include(s => s.Source).ToListAsync(ct);
        var byId = all.ToDictionary(s => s.Id);
        var parties = all.SelectMany(s => s.Parties).Select(p => p.Party!).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Slug.Value);
        var keys = StatementKeys.For(all, id => all.First(s => s.SourceId == id).Source!.TextSha256, id => parties[id],
            id => all.First(s => s.IncidentId == id).Incident!.Slug.Value, id => all.First(s => s.AccusedActorId == id).AccusedActor!.Slug.Value);
        return keys.ToDictionary(k => k.Value, k => byId[k.Key], StringComparer.Ordinal);
    }
}
