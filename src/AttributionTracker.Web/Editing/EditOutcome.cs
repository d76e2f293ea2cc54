namespace AttributionTracker.Web.Editing;

/// <summary>How a save of a record's form ended, for the page or the API to answer in its own way.</summary>
public enum EditOutcome
{
    Saved,

    /// <summary>Problems were reported (under the form's field names); nothing was written.</summary>
    Invalid,

    NotFound,

    /// <summary>Someone saved a newer version first; nothing was written.</summary>
    Conflict,
}

/// <summary>The outcome and, when saved, the record as stored (its slug and new version).</summary>
public sealed record EditResult<T>(EditOutcome Outcome, T? Record)
    where T : class;
