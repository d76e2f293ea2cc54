namespace AttributionTracker.Web.Pages.Incidents;

public enum ListSortKey
{
    /// <summary>The incident's (start) date.</summary>
    Date,
    Name,

    /// <summary>How many statements match.</summary>
    Statements,

    /// <summary>The highest confidence of the matching statements.</summary>
    Confidence,

    /// <summary>The date of the latest matching statement.</summary>
    Latest,
}

/// <summary>How the incident list is sorted; in the URL as <c>sort=name-asc</c>, <c>sort=date-desc</c>...</summary>
public sealed record ListSort(ListSortKey Key, bool Descending)
{
    public const string QueryName = "sort";

    public static ListSort Default { get; } = new(ListSortKey.Date, Descending: true);

    /// <summary>Every sort the form offers, with how a reader would say it.</summary>
    public static IReadOnlyList<(ListSort Sort, string Label)> Choices { get; } =
    [
        (new(ListSortKey.Date, true), "Incident date, newest first"),
        (new(ListSortKey.Date, false), "Incident date, oldest first"),
        (new(ListSortKey.Latest, true), "Latest statement, newest first"),
        (new(ListSortKey.Latest, false), "Latest statement, oldest first"),
        (new(ListSortKey.Name, false), "Name, A to Z"),
        (new(ListSortKey.Name, true), "Name, Z to A"),
        (new(ListSortKey.Statements, true), "Most statements first"),
        (new(ListSortKey.Statements, false), "Fewest statements first"),
        (new(ListSortKey.Confidence, true), "Highest confidence first"),
        (new(ListSortKey.Confidence, false), "Lowest confidence first"),
    ];

    /// <summary>"name-asc", "statements-desc"; a bare key ("name") sorts the way readers usually want it.</summary>
    public static ListSort? Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('-');
        if (parts.Length > 2 || !Enum.TryParse<ListSortKey>(parts[0], ignoreCase: true, out var key) || int.TryParse(parts[0], out _))
        {
            return null;
        }

        return parts.Length == 1 ? Choices.First(c => c.Sort.Key == key).Sort
            : parts[1] switch { "asc" => new(key, false), "desc" => new(key, true), _ => null };
    }

    /// <summary>The same key the other way round, for a column header that toggles.</summary>
    public ListSort Reversed => this with { Descending = !Descending };

    public override string ToString() => $"{Key.ToString().ToLowerInvariant()}-{(Descending ? "desc" : "asc")}";
}
