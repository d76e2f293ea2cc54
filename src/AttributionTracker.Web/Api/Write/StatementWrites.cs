using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using AttributionTracker.Web.Pages.Pickers;
using AttributionTracker.Web.Pages.Statements;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Web.Api.Write;

/// <summary>
/// POST /api/v1/statements, PUT /api/v1/statements/{id}, POST /api/v1/statements/{id}/retract: the statement
/// form's rules (<see cref="StatementEditor"/>), with records named by slug instead of typed names.
/// </summary>
internal static class StatementWrites
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/statements", CreateAsync)
            .WithName("CreateStatement")
            .WithSummary("Adds a statement (an attribution, denial, response or retraction by one or more parties).")
            .Accepts<StatementRequest>("application/json")
            .Produces<WriteResult>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        api.MapPut("/statements/{id:int}", ReplaceAsync)
            .WithName("ReplaceStatement")
            .WithSummary("Replaces a statement as a whole; 'version' must be the stored one, else 409 with the current version.")
            .Accepts<StatementRequest>("application/json")
            .Produces<WriteResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/statements/{id:int}/retract", RetractAsync)
            .WithName("RetractStatement")
            .WithSummary("Withdraws a statement from the record, with a reason: it stays, marked as retracted.")
            .Accepts<RetractRequest>("application/json")
            .Produces<WriteResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, AttributionDbContext db, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<StatementRequest>(request, ct);
        if (body is null)
        {
            return problem!;
        }

        var errors = new ModelStateDictionary();
        var input = await InputAsync(db, body, errors, ct);
        var editor = new StatementEditor(db, input, null, errors, new Dictionary<string, IReadOnlyList<PickerOption>>());
        var resolved = await editor.ResolveAsync(ct);
        if (resolved is null)
        {
            return WriteProblems.Invalid(errors, Rename);
        }

        var statement = new AttributionStatement();
        await editor.ApplyAsync(statement, resolved, ct);
        db.Statements.Add(statement);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(SelfOf(statement.Id), ResultOf(statement));
    }

    private static async Task<IResult> ReplaceAsync(int id, HttpRequest request, AttributionDbContext db, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<StatementRequest>(request, ct);
        if (body is null)
        {
            return problem!;
        }

        var statement = await StatementEditor.LoadAsync(db, id, ct);
        if (statement is null)
        {
            return WriteProblems.NotFound($"statement number {id}");
        }

        var errors = new ModelStateDictionary();
        if (body.Version is null)
        {
            errors.AddModelError("Input.Version", $"Give the version your change was made to (the statement is at version {statement.Version}).");
        }

        var input = await InputAsync(db, body, errors, ct);
        var editor = new StatementEditor(db, input, id, errors, new Dictionary<string, IReadOnlyList<PickerOption>>());
        var resolved = await editor.ResolveAsync(ct);
        if (resolved is null)
        {
            return WriteProblems.Invalid(errors, Rename);
        }

        if (!await editor.SaveOverAsync(statement, resolved, ct))
        {
            db.ChangeTracker.Clear();
            var current = await db.Statements.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.Version).SingleOrDefaultAsync(ct);
            return WriteProblems.Conflict($"statement number {id}", current);
        }

        return TypedResults.Ok(ResultOf(statement));
    }

    private static async Task<IResult> RetractAsync(int id, HttpRequest request, AttributionDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<RetractRequest>(request, ct);
        if (body is null)
        {
            return problem!;
        }

        var statement = await db.Statements.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null)
        {
            return WriteProblems.NotFound($"statement number {id}");
        }

        // The retraction page's own rules for the reason, read from the page so the two cannot drift apart.
        var results = new List<ValidationResult>();
        var rules = typeof(RetractModel).GetProperty(nameof(RetractModel.Reason))!.GetCustomAttributes<ValidationAttribute>();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Validator.TryValidateValue(body.Reason!, new ValidationContext(body) { MemberName = "reason" }, results, rules))
        {
            errors["reason"] = [.. results.Select(r => r.ErrorMessage ?? "Say why.")];
        }

        if (statement.RetractedAt is not null)
        {
            errors["id"] = [StatementRetraction.AlreadyRetracted];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The statement was not retracted", detail: "Nothing was written.");
        }

        await StatementRetraction.RetractAsync(db, statement, body.Reason!, user.Identity?.Name, ct);
        return TypedResults.Ok(ResultOf(statement));
    }

    /// <summary>The request as the statement form would have posted it, slugs already resolved to record numbers.</summary>
    private static async Task<StatementInput> InputAsync(AttributionDbContext db, StatementRequest body, ModelStateDictionary errors, CancellationToken ct)
    {
        var input = new StatementInput
        {
            AccusedState = body.AccusedState,
            Confidence = body.Confidence?.Level,
            ConfidenceWording = body.Confidence?.Wording,
            Date = body.Date,
            Quote = body.Quote,
            SpanStart = body.SpanStart,
            SpanEnd = body.SpanEnd,
            Answers = body.Answers ?? [],
            Notes = body.Notes,
            Version = body.Version ?? 0,
        };

        if (Enum.TryParse<StatementKind>(body.Kind, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(body.Kind, out _))
        {
            input.Kind = kind;
        }
        else
        {
            errors.AddModelError("Input.Kind", string.IsNullOrWhiteSpace(body.Kind)
                ? $"Say what kind of statement it is: {string.Join(", ", Enum.GetNames<StatementKind>())}."
                : $"“{body.Kind}” is not a kind of statement: {string.Join(", ", Enum.GetNames<StatementKind>())}.");
        }

        var parties = body.Parties ?? [];
        for (var i = 0; i < parties.Count; i++)
        {
            input.Parties.Add(await PickAsync(key => db.Parties.Where(p => p.Slug == key).Select(p => (int?)p.Id), parties[i], $"Input.Parties[{i}]", "party", errors, ct));
        }

        input.Incident = await PickAsync(key => db.Incidents.Where(x => x.Slug == key).Select(x => (int?)x.Id), body.Incident, "Input.Incident", "incident", errors, ct);

        // A merged actor's old slug still leads to the actor that absorbed it, as its web address does.
        input.AccusedActor = await PickAsync(
            key => db.Actors.Where(a => a.Slug == key).Select(a => (int?)a.Id).Concat(db.SlugRedirects.Where(r => r.OldSlug == key).Select(r => (int?)r.ActorId)),
            body.AccusedActor, "Input.AccusedActor", "actor", errors, ct);

        if (body.SourceId is { } sourceId)
        {
            if (await db.Sources.AnyAsync(s => s.Id == sourceId, ct))
            {
                input.Source = new PickedName { Choice = sourceId };
            }
            else
            {
                errors.AddModelError("Input.Source.Name", $"There is no source number {sourceId}.");
            }
        }

        WriteProblems.CheckAnnotations(input, "Input", errors);
        return input;
    }

    /// <summary>A slug resolved to its record; an unknown one is reported (and stays a failed pick for the rules).</summary>
    private static async Task<PickedName> PickAsync(Func<Slug, IQueryable<int?>> ids, string? slug, string prefix, string what, ModelStateDictionary errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return new PickedName();
        }

        if (Slug.TryParse(slug.Trim(), out var key) && await ids(key).FirstOrDefaultAsync(ct) is { } id)
        {
            return new PickedName { Choice = id };
        }

        errors.AddModelError($"{prefix}.Name", $"No {what} has the address name “{slug.Trim()}”.");
        return new PickedName { Name = slug };
    }

    private static string Rename(string formKey) => formKey switch
    {
        _ when formKey.StartsWith("Input.Parties[", StringComparison.Ordinal) => formKey["Input.".Length..formKey.IndexOf(']', StringComparison.Ordinal)].ToLowerInvariant() + "]",
        _ when formKey.StartsWith("Input.AccusedActor", StringComparison.Ordinal) => "accusedActor",
        _ when formKey.StartsWith("Input.Incident", StringComparison.Ordinal) => "incident",
        _ when formKey.StartsWith("Input.Source", StringComparison.Ordinal) => "sourceId",
        "Input.Confidence" => "confidence.level",
        "Input.ConfidenceWording" => "confidence.wording",
        "Input.AnswersOther" => "answers",
        _ => WriteProblems.JsonName(formKey),
    };

    private static string SelfOf(int id) => $"/api/v1/statements/{id.ToString(CultureInfo.InvariantCulture)}";

    private static WriteResult ResultOf(AttributionStatement s) =>
        new(s.Id, null, s.Version, new WriteLinks(SelfOf(s.Id), $"/statements/{s.Id.ToString(CultureInfo.InvariantCulture)}"));
}
