using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Pages.Actors;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api.Write;

/// <summary>An actor as the API takes it: the fields of its edit form (aliases are kept apart there too).</summary>
public sealed record ActorRequest(string? Name, string? Kind, string? SponsorState, string? Description, int? Version) : IVersionedRequest;

/// <summary>POST /api/v1/actors and PUT /api/v1/actors/{slug}, through the actor form's rules (<see cref="ActorEditor"/>).</summary>
internal static class ActorWrites
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/actors", (HttpRequest request, AttributionDbContext db, CancellationToken ct) => SaveAsync(request, db, null, ct))
            .WithName("CreateActor")
            .WithSummary("Adds an actor (a threat group, a state organ...); its slug is made from its name.")
            .Accepts<ActorRequest>("application/json")
            .Produces<WriteResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapPut("/actors/{slug}", (string slug, HttpRequest request, AttributionDbContext db, CancellationToken ct) => SaveAsync(request, db, slug, ct))
            .WithName("ReplaceActor")
            .WithSummary("Replaces an actor's name, kind, sponsor state and description; 'version' must be the stored one, else 409.")
            .Accepts<ActorRequest>("application/json")
            .Produces<WriteResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> SaveAsync(HttpRequest request, AttributionDbContext db, string? slug, CancellationToken ct) =>
        RecordWrite.SaveAsync<ActorRequest, Actor>(
            request,
            db,
            "actors",
            slug,
            key => Slug.TryParse(key, out var s) ? db.Actors.Where(a => a.Slug == s).Select(a => (int?)a.Version).SingleOrDefaultAsync(ct) : Task.FromResult<int?>(null),
            (body, errors) =>
            {
                var input = new ActorInput
                {
                    Name = body.Name ?? "",
                    Kind = RecordWrite.EnumField<ActorKind>(body.Kind, "Input.Kind", "kind of actor", errors),
                    SponsorState = body.SponsorState,
                    Description = body.Description,
                    Version = body.Version ?? 0,
                };
                WriteProblems.CheckAnnotations(input, "Input", errors);
                return new ActorEditor(db, errors).SaveAsync(slug, input, ct);
            },
            a => a.Slug,
            ct);
}
