using System.ComponentModel.DataAnnotations;
using AttributionTracker.Domain;
using AttributionTracker.Web.Pages.Editing;

namespace AttributionTracker.Web.Pages.Sources;

public sealed class SourceInput : IEditInput
{
    [Required(ErrorMessage = "Give the source its title.")]
    [StringLength(500, ErrorMessage = "A title is at most {1} characters.")]
    public string Title { get; set; } = "";

    [StringLength(200, ErrorMessage = "A publisher is at most {1} characters.")]
    public string? Publisher { get; set; }

    [StringLength(2000, ErrorMessage = "An address is at most {1} characters.")]
    public string? Url { get; set; }

    [Required(ErrorMessage = "Give the language of the text.")]
    [RegularExpression("^[a-zA-Z]{2}$", ErrorMessage = "A language is a two-letter code such as es or en.")]
    public string Language { get; set; } = "";

    public string? PublishedOn { get; set; }

    /// <summary>Ignored when the stored text is locked by statement spans.</summary>
    public string? Text { get; set; }

    public int Version { get; set; }

    public static SourceInput From(Source s) => new()
    {
        Title = s.Title,
        Publisher = s.Publisher,
        Url = s.Url,
        Language = s.Language,
        PublishedOn = s.PublishedOn?.ToString(),
        Text = s.Text,
        Version = s.Version,
    };
}
