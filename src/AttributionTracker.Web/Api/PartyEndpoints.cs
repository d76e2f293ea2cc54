using System.ComponentModel;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Queries;
using AttributionTracker.Web.AsOfViews;
using AttributionTracker.Web.Pages.Parties;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api;

public static class PartyEndpoints
{
    public static void MapParties(this RouteGroupBuilder api)
    {
        var parties = api.MapGroup("/parties").WithTags("Parties");
        parties.MapGet("", ListAsync)
            .WithName("ListParties")
            .WithSummary("List parties")
            .WithDescription("The parties that made a public statement (all=true: every known party), optionally of one kind; by kind, state and name, as the /parties page lists them.")
            .Produces<ApiPage<ApiPartySummary>>()
            .ProducesValidationProblem();
        parties.MapGet("/{slug}", GetAsync)
            .WithName("GetParty")
            .WithSummary("Get one party")
            .WithDescription("Kind, state, office and person, parent and members, aliases, and its statements counted by kind.")
            .Produces<ApiParty>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(
        AttributionDbContext db, HttpContext context, [AsParameters] PartyListParameters filter, [AsParameters] PageParameters paging, CancellationToken cancellationToken)
    {
        var (page, errors) = paging.Read();
        var all = ApiFlag.Read(PartyListParameters.AllName, filter.All, errors);
        var kind = filter.ReadKind(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var statements = db.Statements.AsNoTracking().PublicOn(context.AsOf());
        var rows = PartyList.Matching(db.Parties.AsNoTracking(), statements, all, kind)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Name,
                p.Kind,
                p.StateCode,
                StateName = p.State == null ? null : p.State.NameEn,
                Statements = statements.Count(s => s.Parties.Any(sp => sp.PartyId == p.Id)),
            });
        var (total, taken) = await page.TakeAsync(rows, cancellationToken);
        var addresses = new ApiAddresses(context);
        return TypedResults.Ok(ApiPage<ApiPartySummary>.Create(context, page, total,
        [
            .. taken.Select(p => new ApiPartySummary(p.Id, p.Slug.Value, p.Name, p.Kind,
                ApiStateRef.From(p.StateCode, p.StateName, addresses), p.Statements, addresses.Party(p.Slug))),
        ]));
    }

    private static async Task<IResult> GetAsync(
        AttributionDbContext db, HttpContext context, [Description("The party's slug, such as national-cyber-security-centre.")] string slug, CancellationToken cancellationToken)
    {
        var party = Slug.TryParse(slug, out var key)
            ? await PartyView.Query(db, db.Parties.AsNoTracking().Where(p => p.Slug == key)).AsSplitQuery().SingleOrDefaultAsync(cancellationToken)
            : null;
        if (party is null)
        {
            return ApiProblems.NotFound($"No party has the slug “{slug}”.");
        }

        // The same filter as the party's statement link, so the counts add up to that list's total.
        var made = new StatementFilter { AccusingParty = key, AsOf = context.AsOf() }.Apply(db.Statements.AsNoTracking());
        var kinds = await made.GroupBy(s => s.Kind).Select(g => new ApiKindCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        return TypedResults.Ok(ApiParty.From(party, key, [.. kinds.OrderBy(k => k.Kind)], new ApiAddresses(context)));
    }
}

public sealed class PartyListParameters
{
    public const string AllName = "all";
    public const string KindName = "kind";

    [FromQuery(Name = AllName)]
    [Description("true: every known party, not only those that made a public statement.")]
    public string? All { get; set; }

    [FromQuery(Name = KindName)]
    [Description("government, agency, official, company or organisation.")]
    public string? Kind { get; set; }

    public PartyKind? ReadKind(ICollection<StatementFilterError> errors)
    {
        if (string.IsNullOrWhiteSpace(Kind))
        {
            return null;
        }

        if (Enum.TryParse<PartyKind>(Kind.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(Kind, out _))
        {
            return kind;
        }

        errors.Add(new StatementFilterError(KindName, $"“{Kind}” is not a kind of party: use one of {string.Join(", ", Enum.GetValues<PartyKind>().Select(k => k.ToString().ToLowerInvariant()))}."));
        return null;
    }
}
