using AttributionTracker.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AttributionTracker.Web.Pages.Editing;

/// <summary>
/// <c>&lt;a editor-only …&gt;</c>: the element is written only for someone the Editor policy admits, so readers never
/// see Edit and New buttons that would only lead them to a sign-in page.
/// </summary>
[HtmlTargetElement(Attributes = "editor-only")]
public sealed class EditorOnlyTagHelper(IAuthorizationService authorization) : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll("editor-only");
        var user = ViewContext.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !(await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded)
        {
            output.SuppressOutput();
        }
    }
}
