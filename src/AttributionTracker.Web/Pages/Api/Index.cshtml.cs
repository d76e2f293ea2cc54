using AttributionTracker.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace AttributionTracker.Web.Pages.Api;

/// <summary>
/// The API reference, drawn on the server from the OpenAPI document: no script, so it works under the site's
/// Content-Security-Policy as it is and without JavaScript (ADR 14).
/// </summary>
public sealed class IndexModel(IServiceProvider services) : PageModel
{
    public ApiReference Reference { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name);
        Reference = ApiReference.From(await documents.GetOpenApiDocumentAsync(cancellationToken));
    }
}
