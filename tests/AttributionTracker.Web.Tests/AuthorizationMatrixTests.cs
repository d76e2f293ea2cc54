using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using AttributionTracker.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests;

/// <summary>
/// Every page and endpoint the app maps, found through its own <see cref="EndpointDataSource"/> (so pages added
/// later are checked too), against who may use it: anonymous visitors are sent to sign in, accounts without the
/// role get 403, editors never reach admin pages, admins reach everything; every handler that changes data carries
/// an authorization rule and refuses a post without the antiforgery token.
/// </summary>
public sealed class AuthorizationMatrixTests(AttributionWebFactory app)
{
    /// <summary>Pages that must answer posts without a sign-in, and why; none of them changes a record.</summary>
    private static readonly Dictionary<string, string> AnonymousByDesign = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/Account/Login"] = "signing in cannot require being signed in",
        ["/Error"] = "the error page also answers a failed post",
        ["/Status"] = "the status pages (400, 413...) also answer a failed post",
    };

    /// <summary>Pages about one's own session or account: any signed-in account may use them, whatever its role.</summary>
    private static readonly HashSet<string> AnySignedIn = new(StringComparer.OrdinalIgnoreCase) { "/Account/Logout", "/Account/Index" };

    private enum Caller
    {
        Anonymous,
        NoRole,
        Editor,
        Admin,
    }

    [Fact]
    public async Task Every_write_handler_carries_an_authorization_rule_that_fits_its_page()
    {
        var targets = await TargetsAsync();

        var problems = new List<string>();
        foreach (var target in targets.Where(t => t.IsWrite && !AnonymousByDesign.ContainsKey(t.Page)))
        {
            if (!target.IsProtected)
            {
                problems.Add($"{target}: changes data but has no authorization rule (add [Authorize(Policy = Policies.Editor)] or Policies.Admin)");
            }
            else if (!AnySignedIn.Contains(target.Page) && target.Allows(Caller.NoRole))
            {
                problems.Add($"{target}: changes data but only asks for a sign-in; require the Editor or Admin role");
            }
        }

        foreach (var target in targets.Where(t => t.IsProtected))
        {
            if (target.Page.StartsWith("/Admin/", StringComparison.OrdinalIgnoreCase) && target.Allows(Caller.Editor))
            {
                problems.Add($"{target}: an admin page that editors may use; use Policies.Admin");
            }

            if (!target.Allows(Caller.Admin))
            {
                problems.Add($"{target}: admins are refused");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // The enumeration itself works: the pages known to change data are found with their handlers.
        Assert.Contains(targets, t => t.Page == "/Account/Logout" && t.Method == "POST");
        Assert.Contains(targets, t => t.Page == "/Account/Login" && t.Method == "POST");
        Assert.Contains(targets, t => t.Page == "/Admin/Accounts/Index" && t.Handler == "Lock" && t.IsProtected);
        Assert.Contains(targets, t => t.Page == "/Admin/Accounts/Delete" && t.Method == "POST" && t.IsProtected);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_wrong_roles_get_403_and_admins_get_through()
    {
        // Unprotected write handlers are in too: they fail here as well as in the rule check above.
        var targets = (await TargetsAsync()).Where(t => t.IsProtected || (t.IsWrite && !AnonymousByDesign.ContainsKey(t.Page))).ToList();
        var clients = new Dictionary<Caller, (HttpClient Client, string Token)>();
        foreach (var (caller, role, tokenPage) in new (Caller, string?, string)[]
        {
            (Caller.Anonymous, null, "/account/login"), (Caller.NoRole, null, "/"), (Caller.Editor, Roles.Editor, "/"), (Caller.Admin, Roles.Admin, "/"),
        })
        {
            var client = caller == Caller.Anonymous ? app.Client() : await app.SignedInClientAsync(role);
            clients[caller] = (client, await TokenAsync(client, tokenPage));
        }

        var problems = new List<string>();
        foreach (var target in targets)
        {
            foreach (var (caller, (client, token)) in clients)
            {
                var allowed = Expected(target, caller);

                // Refused callers send a valid antiforgery token, so only authorization can refuse them; allowed
                // callers send none, so a write handler is reached yet changes nothing: the token check refuses it.
                using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
                if (target.TokenOnly)
                {
                    // A JSON endpoint is sent JSON, so only authentication can refuse it (not its content type).
                    request.Content = System.Net.Http.Json.JsonContent.Create(new { });
                }
                else if (target.IsWrite)
                {
                    request.Content = new FormUrlEncodedContent(allowed ? [] : [new("__RequestVerificationToken", token)]);
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                var outcome = Describe(response);

                // The JSON API's writes take a personal access token only (ADR 15): every session, whatever its role, is
                // unauthenticated there. Tokens themselves are tested in Api/Write.
                if (target.TokenOnly)
                {
                    if (outcome != "401")
                    {
                        problems.Add($"{target} as {caller}: a token-only endpoint must answer a cookie session with 401, got {outcome}");
                    }

                    continue;
                }

                if (!allowed && caller == Caller.Anonymous && outcome is not ("sign-in" or "401"))
                {
                    problems.Add($"{target} as {caller}: expected a redirect to sign in, got {outcome}");
                }
                else if (!allowed && caller != Caller.Anonymous && outcome != "403")
                {
                    problems.Add($"{target} as {caller}: expected 403, got {outcome}");
                }
                else if (allowed && outcome is "sign-in" or "401" or "403")
                {
                    problems.Add($"{target} as {caller}: expected to be let through, got {outcome}");
                }
                else if (allowed && target.IsWrite && target.IsPage && outcome != "400")
                {
                    problems.Add($"{target} as {caller}: a post without the antiforgery token should get 400, got {outcome}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(targets, t => t.Page == "/Account/Logout");
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused_and_leaves_the_session()
    {
        var client = await app.SignedInClientAsync(Roles.Editor);

        using var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await HtmlPage.GetAsync(client, "/")).Document.QuerySelector("#signed-in-as"));
    }

    /// <summary>
    /// Who should get through, from the house rules rather than the page's own metadata: admin pages are for admins,
    /// one's own session and account pages for any signed-in account, other writes for editors and admins.
    /// </summary>
    private static bool Expected(Target target, Caller caller) =>
        caller switch
        {
            Caller.Anonymous => false,
            _ when AnySignedIn.Contains(target.Page) => true,
            Caller.NoRole => false,
            Caller.Editor when target.Page.StartsWith("/Admin/", StringComparison.OrdinalIgnoreCase) => false,
            Caller.Editor when target.IsWrite && !target.IsProtected => true,
            _ => target.Allows(caller),
        };

    private static string Describe(HttpResponseMessage response) =>
        response.StatusCode switch
        {
            HttpStatusCode.Redirect or HttpStatusCode.Found when response.Headers.Location is { } location
                && new Uri(new Uri("https://localhost"), location).AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase) => "sign-in",
            HttpStatusCode.Redirect => $"a redirect to {response.Headers.Location}",
            var status => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url, TestContext.Current.CancellationToken);
        return new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{url} has no antiforgery token");
    }

    /// <summary>Every page handler (GET and the rest) and every non-page endpoint, with the rule that guards it.</summary>
    private async Task<List<Target>> TargetsAsync()
    {
        var services = app.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var policies = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var targets = new List<Target>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // A page can have several routes ("/" and "/Index"); one is enough, as the rule belongs to the page.
        foreach (var group in endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath))
        {
            var endpoint = group.OrderBy(e => e.RoutePattern.RawText?.Length ?? 0).First();
            var page = await loader.LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
            var rule = await RuleAsync(policies, page.EndpointMetadata);
            var path = PathOf(endpoint.RoutePattern);
            var handlers = page.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
            if (handlers.Count == 0)
            {
                handlers.Add(("GET", null));
            }

            foreach (var (method, name) in handlers.Where(h => h.Method != "HEAD"))
            {
                var url = name is null ? path : $"{path}?handler={Uri.EscapeDataString(name)}";
                targets.Add(new Target(group.Key, method, url, name, IsPage: true, rule));
            }
        }

        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<ActionDescriptor>() is null))
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["POST"];
            var rule = await RuleAsync(policies, endpoint.Metadata);
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")))
            {
                var target = new Target(endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "?", method, PathOf(endpoint.RoutePattern), null, IsPage: false, rule);
                if (target.IsWrite || target.IsProtected)
                {
                    targets.Add(target);
                }
            }
        }

        return targets;
    }

    private static async Task<AuthorizationPolicy?> RuleAsync(IAuthorizationPolicyProvider policies, IEnumerable<object> metadata) =>
        metadata.OfType<IAllowAnonymous>().Any()
            ? null
            : await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>());

    /// <summary>The route with sample values: {id:int} → 1, {slug} → a seeded actor's slug; optional parts left out.</summary>
    private static string PathOf(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsOptional: true } => "",
                    RoutePatternParameterPart parameter => Sample(parameter),
                    _ => "",
                });
            }

            if (text.Length > 0)
            {
                segments.Add(text.ToString());
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string Sample(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1"
        : parameter.ParameterPolicies.Any(p => p.Content is "guid") ? Guid.Empty.ToString()
        : parameter.Name.Contains("slug", StringComparison.OrdinalIgnoreCase) ? "hafnium"
        : "1";

    private sealed record Target(string Page, string Method, string Url, string? Handler, bool IsPage, AuthorizationPolicy? Policy)
    {
        public bool IsWrite => Method is not ("GET" or "HEAD" or "OPTIONS");

        public bool IsProtected => Policy is not null;

        /// <summary>Authenticated by a personal access token and nothing else (not the session cookie).</summary>
        public bool TokenOnly => Policy is { AuthenticationSchemes: ["Bearer"] };

        /// <summary>Whether the rule lets this caller in; only the role and sign-in requirements this app uses are read.</summary>
        public bool Allows(Caller caller)
        {
            if (Policy is null)
            {
                return true;
            }

            if (caller == Caller.Anonymous)
            {
                return !Policy.Requirements.Any(r => r is DenyAnonymousAuthorizationRequirement or RolesAuthorizationRequirement);
            }

            var role = caller switch
            {
                Caller.Editor => Roles.Editor,
                Caller.Admin => Roles.Admin,
                _ => null,
            };
            return Policy.Requirements.OfType<RolesAuthorizationRequirement>().All(r => role is not null && r.AllowedRoles.Contains(role));
        }

        public override string ToString() => $"{Page} {Method}{(Handler is null ? "" : " handler " + Handler)} ({Url})";
    }
}
