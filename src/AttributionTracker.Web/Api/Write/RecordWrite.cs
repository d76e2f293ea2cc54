using AttributionTracker.Data;
using AttributionTracker.Domain;
using AttributionTracker.Web.Editing;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AttributionTracker.Web.Api.Write;

/// <summary>A request that replaces a record carries the version it was made to.</summary>
public interface IVersionedRequest
{
    int? Version { get; }
}

/// <summary>
/// The steps every create (POST) and replace (PUT) of an actor, incident or party takes around its form's rules:
/// read the body, refuse an unknown slug or a missing version, save through the editor, answer in the API's terms.
/// </summary>
internal static class RecordWrite
{
    /// <param name="resource">The path segment and noun: "actors".</param>
    /// <param name="slug">Null to create.</param>
    /// <param name="storedVersion">The stored record's version by slug; null when there is none.</param>
    /// <param name="save">Maps the body onto the form's input (reporting what cannot be mapped) and saves it.</param>
    public static async Task<IResult> SaveAsync<TBody, TRecord>(
        HttpRequest request,
        AttributionDbContext db,
        string resource,
        string? slug,
        Func<string, Task<int?>> storedVersion,
        Func<TBody, ModelStateDictionary, Task<EditResult<TRecord>>> save,
        Func<TRecord, Slug> slugOf,
        CancellationToken ct)
        where TBody : class, IVersionedRequest
        where TRecord : Entity
    {
        var (body, problem) = await JsonBody.ReadAsync<TBody>(request, ct);
        if (body is null)
        {
            return problem!;
        }

        var what = $"{resource.TrimEnd('s')} at /{resource}/{slug}";
        var errors = new ModelStateDictionary();
        if (slug is not null)
        {
            if (await storedVersion(slug) is not { } version)
            {
                return WriteProblems.NotFound(what);
            }

            if (body.Version is null)
            {
                errors.AddModelError("Input.Version", $"Give the version your change was made to (it is at version {version}).");
            }
        }

        var result = await save(body, errors);
        switch (result.Outcome)
        {
            case EditOutcome.Invalid:
                return WriteProblems.Invalid(errors, WriteProblems.JsonName);
            case EditOutcome.NotFound:
                return WriteProblems.NotFound(what);
            case EditOutcome.Conflict:
                db.ChangeTracker.Clear();
                return WriteProblems.Conflict(what, await storedVersion(slug!));
        }

        var record = result.Record!;
        var saved = slugOf(record).Value;
        var answer = new WriteResult(record.Id, saved, record.Version, new WriteLinks($"/api/v1/{resource}/{saved}", $"/{resource}/{saved}"));
        return slug is null ? TypedResults.Created(answer.Links.Self, answer) : TypedResults.Ok(answer);
    }

    /// <summary>An enum field given by name ("Government"); anything else is reported with the names it can be.</summary>
    public static TEnum EnumField<TEnum>(string? text, string key, string what, ModelStateDictionary errors)
        where TEnum : struct, Enum
    {
        if (!int.TryParse(text, out _) && Enum.TryParse<TEnum>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        var names = string.Join(", ", Enum.GetNames<TEnum>());
        errors.AddModelError(key, string.IsNullOrWhiteSpace(text) ? $"Say what {what} it is: {names}." : $"“{text}” is not a {what}: {names}.");
        return default;
    }
}
