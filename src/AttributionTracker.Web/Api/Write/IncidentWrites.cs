using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Pages.Editing;
using AttributionTracker.Web.Pages.Incidents;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api.Write;

/// <summary>An incident as the API takes it: the fields of its edit form, aliases and victims as lists.</summary>
public sealed record IncidentRequest(
    string? Name,
    string? Type,
    string? Start,
    string? End,
    string? Scale,
    string? Summary,
    List<AliasRequest>? Aliases,
    List<VictimRequest>? Victims,
    int? Version) : IVersionedRequest;

/// <param name="Language">Two-letter code of the alias's language, if it has one.</param>
public sealed record AliasRequest(string? Name, string? Language);

/// <param name="State">Two-letter code of the victim's state, if any.</param>
public sealed record VictimRequest(string? Name, string? State);

/// <summary>POST /api/v1/incidents and PUT /api/v1/incidents/{slug}, through the incident form's rules (<see cref="IncidentEditor"/>).</summary>
internal static class IncidentWrites
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/incidents", (HttpRequest request, AttributionDbContext db, CancellationToken ct) => SaveAsync(request, db, null, ct))
            .WithName("CreateIncident")
            .WithSummary("Adds an incident; its slug is made from its name.")
            .Accepts<IncidentRequest>("application/json")
            .Produces<WriteResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapPut("/incidents/{slug}", (string slug, HttpRequest request, AttributionDbContext db, CancellationToken ct) => SaveAsync(request, db, slug, ct))
            .WithName("ReplaceIncident")
            .WithSummary("Replaces an incident with its aliases and victims; 'version' must be the stored one, else 409.")
            .Accepts<IncidentRequest>("application/json")
            .Produces<WriteResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> SaveAsync(HttpRequest request, AttributionDbContext db, string? slug, CancellationToken ct) =>
        RecordWrite.SaveAsync<IncidentRequest, Incident>(
            request,
            db,
            "incidents",
            slug,
            key => Slug.TryParse(key, out var s) ? db.Incidents.Where(i => i.Slug == s).Select(i => (int?)i.Version).SingleOrDefaultAsync(ct) : Task.FromResult<int?>(null),
            (body, errors) =>
            {
                var input = new IncidentInput
                {
                    Name = body.Name ?? "",
                    Type = RecordWrite.EnumField<IncidentType>(body.Type, "Input.Type", "type of incident", errors),
                    Start = body.Start,
                    End = body.End,
                    Scale = body.Scale,
                    Summary = body.Summary,
                    Aliases = [.. (body.Aliases ?? []).Select(a => new AliasRow { Name = a?.Name, Language = a?.Language })],
                    Victims = [.. (body.Victims ?? []).Select(v => new VictimRow { Name = v?.Name, State = v?.State })],
                    Version = body.Version ?? 0,
                };
                WriteProblems.CheckAnnotations(input, "Input", errors);
                return new IncidentEditor(db, errors).SaveAsync(slug, input, ct);
            },
            i => i.Slug,
            ct);
}
