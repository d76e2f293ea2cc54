namespace AttributionTracker.Web;

/// <summary>A specific explanation a handler leaves for the status page it hands over to (kept in HttpContext.Items).</summary>
public static class StatusMessage
{
    public const string Key = "AttributionTracker.StatusMessage";

    public static string? Of(HttpContext context) => context.Items[Key] as string;
}
