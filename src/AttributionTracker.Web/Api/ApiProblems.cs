using AttributionTracker.Queries;

namespace AttributionTracker.Web.Api;

/// <summary>The API's refusals, always as problem details (RFC 9457), never as a page.</summary>
public static class ApiProblems
{
    /// <summary>400 with every value that could not be used, by query name, in the words the pages use.</summary>
    public static IResult Invalid(IEnumerable<StatementFilterError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Some query values could not be used.");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
