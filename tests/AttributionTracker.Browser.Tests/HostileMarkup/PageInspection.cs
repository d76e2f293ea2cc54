using Microsoft.Playwright;

namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>
/// Watches one page for any sign that stored text became live markup: a dialog, a CSP violation (an inline script or
/// handler the policy had to stop), the payloads' marker variable or title, and, in the DOM, event-handler attributes,
/// script-scheme links or script/style/frame elements carrying a payload.
/// </summary>
internal sealed class PageInspection
{
    // Added before any page script: the browser reports what the policy blocked as a DOM event.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private const string FindLiveMarkup = """
        () => {
            const found = [];
            const schemes = /^(javascript|data|vbscript):/;
            for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                    if (a.name.startsWith('on')) found.push(`${el.tagName} ${a.name}`);
                    if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(a.name)) {
                        // Browsers ignore whitespace and control characters inside a scheme.
                        const v = a.value.replace(/[\s\u0000-\u001f\u200b]/g, '').toLowerCase();
                        if (schemes.test(v) || a.name === 'srcdoc') found.push(`${el.tagName} ${a.name}=${a.value}`);
                    }
                }
                if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(el.tagName) && el.closest('body')) found.push(el.tagName);
                if (['SCRIPT', 'STYLE'].includes(el.tagName) && /__xss|alert|pwned/.test(el.textContent)) found.push(el.tagName + ' with payload');
            }
            return { xss: String(window.__xss), title: document.title, violations: window.__violations ?? [], found };
        }
        """;

    private readonly List<string> dialogs = [];

    public PageInspection(IPage page)
    {
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public static async Task<PageInspection> StartAsync(IPage page)
    {
        await page.AddInitScriptAsync(RecordViolations);
        return new PageInspection(page);
    }

    /// <summary>Opens the address and fails the test if anything on it ran or rendered as markup.</summary>
    public async Task VisitAsync(string url)
    {
        var response = await Page.GotoAsync(url);
        Assert.True(response is { Status: < 500 }, $"{url} answered {response?.Status}");
        await CheckAsync();
    }

    /// <summary>Fails the test if anything on the current page ran or rendered as markup.</summary>
    public async Task CheckAsync()
    {
        var url = Page.Url;
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var result = await Page.EvaluateAsync<Probe>(FindLiveMarkup);
        Assert.Empty(dialogs);
        Assert.True(result.Xss == "undefined", $"{url}: a payload ran (window.__xss = {result.Xss})");
        Assert.NotEqual("pwned", result.Title);
        Assert.True(result.Violations.Length == 0, $"{url}: the policy had to block {string.Join(", ", result.Violations)}");
        Assert.True(result.Found.Length == 0, $"{url}: live markup {string.Join(" | ", result.Found)}");
    }

    /// <summary>Those of <paramref name="texts"/> that the main content does not show as text (nor hold in a form field).</summary>
    public async Task<IReadOnlyList<string>> NotShownAsync(IEnumerable<string> texts) => await Page.EvaluateAsync<string[]>("""
        texts => {
            const norm = s => s.replace(/\s+/g, ' ').trim();
            const main = document.querySelector('main') ?? document.body;
            const shown = norm(main.textContent);
            const fields = [...main.querySelectorAll('input, textarea')].map(f => norm(f.value));
            return texts.filter(t => !shown.includes(norm(t)) && !fields.some(f => f.includes(norm(t))));
        }
        """, texts.ToArray());

    private sealed class Probe
    {
        public string Xss { get; set; } = "";

        public string Title { get; set; } = "";

        public string[] Violations { get; set; } = [];

        public string[] Found { get; set; } = [];
    }
}
