using System.Text.Json.Nodes;
using AttributionTracker.Domain;
using static AttributionTracker.Interop.Stix.StixJson;

namespace AttributionTracker.Interop.Stix;

/// <summary>One record → its STIX object(s). The table in docs/interop.md ("STIX 2.1") is the contract.</summary>
internal sealed class StixObjectMapper(
    IReadOnlyDictionary<int, string> statementKeys,
    IReadOnlyDictionary<int, Party> parties,
    IReadOnlyDictionary<int, Incident> incidents,
    IReadOnlyDictionary<int, Actor> actors,
    IReadOnlyDictionary<int, AttributionStatement> exportedStatements)
{
    public static string ActorType(ActorKind kind) => kind == ActorKind.Group ? "intrusion-set" : "threat-actor";

    public string PartyId(int id) => StixIds.Party(parties[id].Slug.Value);

    public string ActorId(int id) => StixIds.Actor(ActorType(actors[id].Kind), actors[id].Slug.Value);

    public JsonObject State(State state) =>
        Core("identity", StixIds.State(state.Code.Value), state.CreatedAt, state.UpdatedAt)
            .Put("name", state.NameEn)
            .Put("identity_class", "organization")
            .Put("sectors", Strings(["government-national"]))
            .Put(X.StateCode, state.Code.Value);

    public JsonObject Party(Party party) =>
        Core("identity", StixIds.Party(party.Slug.Value), party.CreatedAt, party.UpdatedAt)
            .Put("name", party.Name)
            .Put("description", party.Description)
            .Put("identity_class", party.Kind == PartyKind.Official ? "individual" : "organization")
            .Put("sectors", party.Kind is PartyKind.Government or PartyKind.Agency or PartyKind.Official ? Strings(["government-national"]) : null)
            .Put("roles", party.Role is null ? null : Strings([party.Role]))
            .Put(X.Slug, party.Slug.Value)
            .Put(X.PartyKind, party.Kind.ToString().ToLowerInvariant())
            .Put(X.State, party.StateCode?.Value)
            .Put(X.ParentRef, party.ParentId is { } parent ? PartyId(parent) : null)
            .Put(X.PersonName, party.PersonName)
            .Put(X.Aliases, new JsonArray([.. party.Aliases.OrderBy(a => a.Id).Select(a => (JsonNode)new JsonObject().Put("name", a.Name).Put("language", a.Language))]));

    public JsonObject Actor(Actor actor)
    {
        var o = Core(ActorType(actor.Kind), ActorId(actor.Id), actor.CreatedAt, actor.UpdatedAt)
            .Put("name", actor.Name)
            .Put("description", actor.Description);
        if (actor.Kind != ActorKind.Group)
        {
            // A state organ (or a state acting as one) is an organisation with intent, not a cluster of activity.
            o.Put("threat_actor_types", Strings(["nation-state"])).Put("resource_level", "government");
        }

        var aliases = actor.Aliases.OrderBy(a => a.Id).ToList();
        return o
            .Put("aliases", Strings(aliases.Select(a => a.Name)))
            .Put("external_references", new JsonArray([.. ExternalReferences(actor)]))
            .Put(X.Slug, actor.Slug.Value)
            .Put(X.ActorKind, actor.Kind.ToString().ToLowerInvariant())
            .Put(X.SponsorState, actor.SponsorStateCode?.Value)
            .Put(X.Aliases, new JsonArray([.. aliases.Select(a => (JsonNode)new JsonObject()
                .Put("name", a.Name)
                .Put("language", a.Language)
                .Put("coined_by_ref", a.CoinedById is { } by ? PartyId(by) : null)
                .Put("origin", a.Origin))]));
    }

    public JsonObject Relation(ActorRelation r)
    {
        var kind = r.Kind == ActorRelationKind.OperatesFor ? "operates-for" : "part-of";
        return Core("relationship", StixIds.ActorRelation(actors[r.FromActorId].Slug.Value, kind, actors[r.ToActorId].Slug.Value), r.CreatedAt, r.UpdatedAt)
            .Put("relationship_type", r.Kind == ActorRelationKind.OperatesFor ? "attributed-to" : "part-of")
            .Put("description", r.Note)
            .Put("source_ref", ActorId(r.FromActorId))
            .Put("target_ref", ActorId(r.ToActorId))
            .Put(X.Relation, kind);
    }

    public JsonObject Incident(Incident i) =>
        Core("incident", StixIds.Incident(i.Slug.Value), i.CreatedAt, i.UpdatedAt)
            .Put("name", i.Name)
            .Put("description", i.Summary)
            .Put(X.Slug, i.Slug.Value)
            .Put(X.Aliases, new JsonArray([.. i.Aliases.OrderBy(a => a.Id).Select(a => (JsonNode)new JsonObject().Put("name", a.Name).Put("language", a.Language))]))
            .Put(X.Start, i.StartDate?.ToString())
            .Put(X.End, i.EndDate?.ToString())
            .Put(X.IncidentType, i.Type.ToString())
            .Put(X.Scale, i.Scale)
            .Put(X.Victims, new JsonArray([.. i.Victims.OrderBy(v => v.Id).Select(v => (JsonNode)new JsonObject().Put("name", v.Name).Put("state", v.StateCode?.Value))]));

    /// <summary>The ids of the objects that carry a statement, for the answers that point at it.</summary>
    public IReadOnlyList<string> StatementObjectIds(AttributionStatement s) => StatementKeys.ObjectIds(s, statementKeys[s.Id]);

    public IEnumerable<JsonObject> Statement(AttributionStatement s)
    {
        var ids = StatementObjectIds(s);
        var lead = s.Parties.OrderBy(p => p.Position).Select(p => PartyId(p.PartyId)).FirstOrDefault();
        switch (StatementKeys.Shape(s))
        {
            case StatementShape.Relationships:
                foreach (var id in ids)
                {
                    var target = id == StixIds.Of("relationship", statementKeys[s.Id] + ":actor") ? ActorId(s.AccusedActorId!.Value) : StixIds.State(s.AccusedStateCode!.Value.Value);
                    yield return Details(Core("relationship", id, s.CreatedAt, s.UpdatedAt)
                        .Put("created_by_ref", lead)
                        .Put("relationship_type", "attributed-to")
                        .Put("description", s.Quote)
                        .Put("source_ref", StixIds.Incident(incidents[s.IncidentId!.Value].Slug.Value))
                        .Put("target_ref", target)
                        .Put("start_time", s.Date is { } d ? StixTime.Format(d.Start) : null), s, refs: false);
                }

                break;
            case StatementShape.Opinion:
                yield return Details(Core("opinion", ids[0], s.CreatedAt, s.UpdatedAt)
                    .Put("created_by_ref", lead)
                    .Put("explanation", s.Quote)
                    .Put("opinion", s.Kind == StatementKind.Denial ? "strongly-disagree" : "disagree")
                    .Put("object_refs", Strings(ObjectRefs(s))), s, refs: true);
                break;
            default:
                yield return Details(Core("note", ids[0], s.CreatedAt, s.UpdatedAt)
                    .Put("created_by_ref", lead)
                    .Put("content", s.Quote ?? $"{s.Kind} without a quote")
                    .Put("object_refs", Strings(ObjectRefs(s))), s, refs: true);
                break;
        }
    }

    /// <summary>One report per (source, party that made statements from it): the claimant, not the editor, is its author.</summary>
    public IEnumerable<JsonObject> Reports(Source source, IEnumerable<AttributionStatement> statements)
    {
        foreach (var group in statements.GroupBy(s => s.Parties.OrderBy(p => p.Position).Select(p => (int?)p.PartyId).FirstOrDefault()).OrderBy(g => g.Min(s => s.Id)))
        {
            var party = group.Key is { } p ? parties[p].Slug.Value : "";
            var refs = group.SelectMany(s => StatementObjectIds(s).Concat(Named(s))).Distinct().ToList();
            yield return Core("report", StixIds.Report(source.TextSha256, party), source.CreatedAt, source.UpdatedAt)
                .Put("created_by_ref", group.Key is { } author ? PartyId(author) : null)
                .Put("name", source.Title)
                .Put("report_types", Strings(["threat-report"]))
                .Put("published", StixTime.Format(source.PublishedOn?.Start ?? DateOnly.FromDateTime(source.CreatedAt)))
                .Put("lang", source.Language)
                .Put("object_refs", Strings(refs))
                .Put("external_references", source.Url is null ? null : new JsonArray(new JsonObject { ["source_name"] = source.Publisher ?? "source", ["url"] = source.Url }))
                .Put(X.Source, new JsonObject()
                    .Put("publisher", source.Publisher)
                    .Put("url", source.Url)
                    .Put("published", source.PublishedOn?.ToString())
                    .Put("imported_from", source.ImportedFrom)
                    .Put("sha256", source.TextSha256)
                    .Put("text", source.Text));
        }
    }

    private IEnumerable<string> Named(AttributionStatement s)
    {
        if (s.IncidentId is { } i)
        {
            yield return StixIds.Incident(incidents[i].Slug.Value);
        }

        if (s.AccusedActorId is { } a)
        {
            yield return ActorId(a);
        }

        if (s.AccusedStateCode is { } c)
        {
            yield return StixIds.State(c.Value);
        }
    }

    private List<string> Answered(AttributionStatement s) =>
        [.. s.Answers.Where(a => exportedStatements.ContainsKey(a.AnsweredStatementId)).OrderBy(a => a.AnsweredStatementId)
            .SelectMany(a => StatementKeys.ObjectIds(exportedStatements[a.AnsweredStatementId], statementKeys[a.AnsweredStatementId]))];

    // An opinion or note must point at something: what it answers, else what it names, else who said it.
    private List<string> ObjectRefs(AttributionStatement s)
    {
        var refs = Answered(s);
        if (refs.Count == 0)
        {
            refs.AddRange(Named(s));
        }

        if (refs.Count == 0)
        {
            refs.AddRange(s.Parties.OrderBy(p => p.Position).Take(1).Select(p => PartyId(p.PartyId)));
        }

        return refs;
    }

    private JsonObject Details(JsonObject o, AttributionStatement s, bool refs)
    {
        if (s.Confidence.Level is { } level)
        {
            o["confidence"] = StixConfidence.ToStix(level);
        }

        o.Put(X.Statement, statementKeys[s.Id])
            .Put(X.Kind, s.Kind.ToString().ToLowerInvariant())
            .Put(X.Parties, Strings(s.Parties.OrderBy(p => p.Position).Select(p => PartyId(p.PartyId))))
            .Put(X.Date, s.Date?.ToString())
            .Put(X.Quote, s.Quote)
            .Put(X.QuoteLanguage, s.QuoteLanguage)
            .Put(X.QuoteSpan, s.SpanStart is { } start && s.SpanEnd is { } end ? new JsonArray(start, end) : null)
            .Put(X.ConfidenceWording, s.Confidence.Wording)
            .Put(X.Notes, s.Notes)
            .Put(X.Answers, Strings(Answered(s)))
            .Put(X.Retracted, s.RetractedAt is { } at ? new JsonObject { ["at"] = StixTime.Format(at) }.Put("by", s.RetractedBy).Put("reason", s.RetractionReason) : null);
        if (refs)
        {
            o.Put(X.IncidentRef, s.IncidentId is { } i ? StixIds.Incident(incidents[i].Slug.Value) : null)
                .Put(X.ActorRef, s.AccusedActorId is { } a ? ActorId(a) : null)
                .Put(X.StateRef, s.AccusedStateCode is { } c ? StixIds.State(c.Value) : null);
        }

        return o;
    }

    private static IEnumerable<JsonObject> ExternalReferences(Actor actor)
    {
        foreach (var e in actor.ExternalIds.OrderBy(e => e.Id))
        {
            var o = new JsonObject { ["source_name"] = e.System, ["external_id"] = e.Value };
            if (e.System == ExternalIdSystems.MitreAttack)
            {
                o["url"] = $"https://attack.mitre.org/groups/{e.Value}/";
            }

            yield return o;
        }

        foreach (var r in actor.References.OrderBy(r => r.Id))
        {
            yield return new JsonObject { ["source_name"] = "reference", ["url"] = r.Url };
        }
    }
}
