using System.ComponentModel.DataAnnotations;

namespace AttributionTracker.Web.Pages.Import;

/// <summary>The first form: an article pasted or uploaded, and what the editor knows about it that the text may not say.</summary>
public sealed class ArticleInput
{
    [Display(Name = "Article text")]
    public string? Text { get; set; }

    [Display(Name = "Or upload a file")]
    public IFormFile? File { get; set; }

    [Display(Name = "Title")]
    [StringLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string? Title { get; set; }

    [Display(Name = "Address (URL)")]
    [StringLength(2000, ErrorMessage = "Keep the address under 2,000 characters.")]
    public string? Url { get; set; }

    [Display(Name = "Publication date")]
    public string? Published { get; set; }

    [Display(Name = "Language")]
    public string Language { get; set; } = "auto";
}
