using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Pages.Editing;
using AttributionTracker.Web.Pages.Parties;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api.Write;

/// <summary>A party as the API takes it: the fields of its edit form; <c>parent</c> is the slug of the body it belongs to.</summary>
public sealed record PartyRequest(
    string? Name,
    string? Kind,
    string? State,
    string? Role,
    string? Person,
    string? Parent,
    string? Description,
    List<AliasRequest>? Aliases,
    int? Version) : IVersionedRequest;

/// <summary>POST /api/v1/parties and PUT /api/v1/parties/{slug}, through the party form's rules (<see cref="PartyEditor"/>).</summary>
internal static class PartyWrites
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/parties", (HttpRequest request, AttributionDbContext db, CancellationToken ct) => SaveAsync(request, db, null, ct))
            .WithName("CreateParty")
            .WithSummary("Adds a party (a government, agency, official, company...); its slug is made from its name.")
            .Accepts<PartyRequest>("application/json")
            .Produces<WriteResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapPut("/parties/{slug}", (string slug, HttpRequest request, AttributionDbContext db, CancellationToken ct) => SaveAsync(request, db, slug, ct))
            .WithName("ReplaceParty")
            .WithSummary("Replaces a party with its aliases; 'version' must be the stored one, else 409.")
            .Accepts<PartyRequest>("application/json")
            .Produces<WriteResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> SaveAsync(HttpRequest request, AttributionDbContext db, string? slug, CancellationToken ct) =>
        RecordWrite.SaveAsync<PartyRequest, Party>(
            request,
            db,
            "parties",
            slug,
            key => Slug.TryParse(key, out var s) ? db.Parties.Where(p => p.Slug == s).Select(p => (int?)p.Version).SingleOrDefaultAsync(ct) : Task.FromResult<int?>(null),
            (body, errors) =>
            {
                var input = new PartyInput
                {
                    Name = body.Name ?? "",
                    Kind = RecordWrite.EnumField<PartyKind>(body.Kind, "Input.Kind", "kind of party", errors),
                    State = body.State,
                    Role = body.Role,
                    Person = body.Person,
                    Parent = body.Parent,
                    Description = body.Description,
                    Aliases = [.. (body.Aliases ?? []).Select(a => new AliasRow { Name = a?.Name, Language = a?.Language })],
                    Version = body.Version ?? 0,
                };
                WriteProblems.CheckAnnotations(input, "Input", errors);
                return new PartyEditor(db, errors).SaveAsync(slug, input, ct);
            },
            p => p.Slug,
            ct);
}
