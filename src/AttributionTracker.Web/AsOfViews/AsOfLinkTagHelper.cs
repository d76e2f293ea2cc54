using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AttributionTracker.Web.AsOfViews;

/// <summary>
/// Keeps an as-of view as-of while the reader follows links: every page link (<c>asp-page</c>) rendered during an
/// as-of request gets the same <c>asof</c> value, unless it sets one itself or opts out with <c>keep-asof="false"</c>.
/// </summary>
[HtmlTargetElement("a", Attributes = "asp-page")]
public sealed class AsOfLinkTagHelper : TagHelper
{
    // After the anchor tag helper (order -1000) has written href.
    public override int Order => 0;

    [HtmlAttributeName("keep-asof")]
    public bool KeepAsOf { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!KeepAsOf || ViewContext.HttpContext.AsOf() is not { } day
            || output.Attributes["href"]?.Value?.ToString() is not { } href
            || href.Contains(AsOfPageFilter.QueryName + "=", StringComparison.Ordinal))
        {
            return;
        }

        var fragment = href.IndexOf('#', StringComparison.Ordinal);
        var (path, anchor) = fragment < 0 ? (href, "") : (href[..fragment], href[fragment..]);
        var query = new QueryBuilder { { AsOfPageFilter.QueryName, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } };
        var joined = path.Contains('?', StringComparison.Ordinal) ? path + "&" + query.ToString()[1..] : path + query;
        output.Attributes.SetAttribute("href", joined + anchor);
    }
}
