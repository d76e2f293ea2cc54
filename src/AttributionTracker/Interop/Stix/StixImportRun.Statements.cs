using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

internal sealed partial class StixImportRun
{
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
