using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AttributionTracker.Web.Api.Write;

/// <summary>
/// The forms' rules report under the forms' field names (<c>Input.Parties[0].Name</c>); the API answers with its own
/// JSON names (<c>parties[0]</c>), every problem at once, as a 400 validation problem.
/// </summary>
internal static class WriteProblems
{
    /// <summary>Checks the data annotations of an input (and of the rows in its lists) as model binding does for a form.</summary>
    public static void CheckAnnotations(object model, string prefix, ModelStateDictionary errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                errors.AddModelError(member.Length == 0 ? prefix : $"{prefix}.{member}", result.ErrorMessage ?? "This value is not allowed.");
            }
        }

        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType.IsValueType || property.PropertyType == typeof(string) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            switch (property.GetValue(model))
            {
                case IEnumerable rows:
                    var i = 0;
                    foreach (var row in rows)
                    {
                        if (row is not null && !row.GetType().IsValueType && row is not string)
                        {
                            CheckAnnotations(row, $"{prefix}.{property.Name}[{i}]", errors);
                        }

                        i++;
                    }

                    break;
                case { } value:
                    CheckAnnotations(value, $"{prefix}.{property.Name}", errors);
                    break;
            }
        }
    }

    /// <summary>The 400 answer: each problem under the API's name for its field.</summary>
    public static IResult Invalid(ModelStateDictionary errors, Func<string, string> rename) =>
        TypedResults.ValidationProblem(
            errors.Where(e => e.Value is { Errors.Count: > 0 })
                .GroupBy(e => rename(e.Key), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).Distinct().ToArray(), StringComparer.Ordinal),
            title: "The record was not saved: some fields are wrong",
            detail: "Nothing was written. Each entry of 'errors' names a field of the request and what is wrong with it.");

    /// <summary><c>Input.Aliases[0].Name</c> → <c>aliases[0].name</c>: the form's prefix dropped, each part in camel case.</summary>
    public static string JsonName(string formKey)
    {
        var key = formKey.StartsWith("Input.", StringComparison.Ordinal) ? formKey["Input.".Length..] : formKey == "Input" ? "" : formKey;
        return string.Join('.', key.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what}.");

    /// <summary>The 409 answer: what is stored now is newer than what the request started from.</summary>
    public static IResult Conflict(string what, int? currentVersion) =>
        currentVersion is { } version
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Someone saved a newer version first",
                detail: $"The {what} is at version {version}; nothing was written. Read it again, apply your change to it and send that with \"version\": {version}.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = version })
            : NotFound(what);
}
