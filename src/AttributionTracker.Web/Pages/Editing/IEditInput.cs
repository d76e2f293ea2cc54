namespace AttributionTracker.Web.Pages.Editing;

/// <summary>A record's edit form: it carries the version it was read at, so a save can tell whether someone saved first.</summary>
public interface IEditInput
{
    int Version { get; set; }
}
