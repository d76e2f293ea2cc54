using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AttributionTracker.Web.Api;

/// <summary>
/// The OpenAPI document as the /api reference page shows it: operations with their parameters and responses, and the
/// schemas they return. Read from the same document as /openapi/v1.json, so the page cannot drift from it.
/// </summary>
public sealed record ApiReference(string Title, string? Description, IReadOnlyList<ApiOperationView> Operations, IReadOnlyList<ApiSchemaView> Schemas)
{
    public static ApiReference From(OpenApiDocument document)
    {
        var operations = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new ApiOperationView(
                op.Key.Method,
                path.Key,
                op.Value.Tags?.Select(t => t.Name).FirstOrDefault(n => n is not null) ?? "",
                op.Value.Summary,
                op.Value.Description,
                [.. (op.Value.Parameters ?? []).Select(p => new ApiParameterView(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, TypeOf(p.Schema), p.Description))],
                [.. (op.Value.Responses ?? []).Select(r => new ApiResponseView(r.Key, r.Value.Description, r.Value.Content?.Values.Select(c => TypeOf(c.Schema)).FirstOrDefault()))])))
            .ToList();
        var schemas = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ApiSchemaView(
                s.Key,
                s.Value.Description,
                [.. (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p => new ApiPropertyView(p.Key, TypeOf(p.Value), p.Value.Description))],
                [.. (s.Value.Enum ?? []).Select(v => v is JsonValue value ? value.ToString() : v?.ToJsonString() ?? "null")]))
            .ToList();
        return new ApiReference(document.Info?.Title ?? ApiDocument.Title, document.Info?.Description, operations, schemas);
    }

    /// <summary>A schema as a reader names it: a component's name, "string (date)", "ApiRef[]", "integer or null".</summary>
    public static string TypeOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return "";
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id ?? "object";
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            return string.Join(" or ", oneOf.Select(TypeOf));
        }

        var type = schema.Type ?? 0;
        var nullable = type.HasFlag(JsonSchemaType.Null);
        var name = type.HasFlag(JsonSchemaType.Array) ? TypeOf(schema.Items) + "[]"
            : type.HasFlag(JsonSchemaType.String) ? "string"
            : type.HasFlag(JsonSchemaType.Integer) ? "integer"
            : type.HasFlag(JsonSchemaType.Number) ? "number"
            : type.HasFlag(JsonSchemaType.Boolean) ? "boolean"
            : "object";
        if (schema.Format is { Length: > 0 } format)
        {
            name += $" ({format})";
        }

        return nullable ? name + " or null" : name;
    }
}

/// <summary>One operation; one with no path parameters can be followed as a plain link.</summary>
public sealed record ApiOperationView(
    string Method,
    string Path,
    string Tag,
    string? Summary,
    string? Description,
    IReadOnlyList<ApiParameterView> Parameters,
    IReadOnlyList<ApiResponseView> Responses)
{
    public string Anchor => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);

    public bool CanFollow => Method == "GET" && !Path.Contains('{', StringComparison.Ordinal);
}

public sealed record ApiParameterView(string Name, string In, bool Required, string Type, string? Description);

public sealed record ApiResponseView(string Status, string? Description, string? Schema);

public sealed record ApiSchemaView(string Name, string? Description, IReadOnlyList<ApiPropertyView> Properties, IReadOnlyList<string> Values);

public sealed record ApiPropertyView(string Name, string Type, string? Description);
