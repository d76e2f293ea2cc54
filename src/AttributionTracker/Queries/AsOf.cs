using AttributionTracker.Domain;

namespace AttributionTracker.Queries;

/// <summary>
/// "As of" views: what had been said publicly by a given day. A statement counts from the first day its date allows
/// ("July 2021" from 1 July), so a view never hides something that may already have been said; an undated statement
/// counts from its source's publication, and one with neither is left out of every as-of view.
/// </summary>
public static class AsOf
{
    /// <summary>The statements public on <paramref name="day"/>, or all of them when there is no day.</summary>
    public static IQueryable<AttributionStatement> PublicOn(this IQueryable<AttributionStatement> statements, DateOnly? day)
    {
        if (day is not { } d)
        {
            return statements;
        }

        return statements.Where(s =>
            (s.Date != null && s.Date.Start <= d)
            || (s.Date == null && s.Source != null && s.Source.PublishedOn != null && s.Source.PublishedOn.Start <= d));
    }

    /// <summary>The sources published by <paramref name="day"/>; an undated source is left out of an as-of view.</summary>
    public static IQueryable<Source> PublishedBy(this IQueryable<Source> sources, DateOnly? day) =>
        day is { } d ? sources.Where(s => s.PublishedOn != null && s.PublishedOn.Start <= d) : sources;
}
