using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace AttributionTracker.Browser.Tests.HostileMarkup;

/// <summary>
/// Issue 8 beyond HTML pages: the same stored payloads in the Atom feed (what a feed reader would render), the CSV
/// download (what a spreadsheet would evaluate) and the JSON API (what a browser might sniff as HTML).
/// </summary>
[Collection(HostileMarkupCollection.Name)]
public sealed class HostileMarkupDownloadTests(HostileMarkupApp app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static IReadOnlyList<string> Payloads => HostileMarkupApp.Payloads;

    [Fact]
    public async Task The_atom_feed_is_well_formed_xml_whose_html_content_holds_the_payloads_as_text_only()
    {
        using var client = app.CreateClient();
        var xml = await client.GetStringAsync("/feeds/statements.atom", TestContext.Current.CancellationToken);
        var feed = XDocument.Parse(xml);
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);

        var shown = 0;
        foreach (var entry in entries)
        {
            Assert.NotEqual("html", (string?)entry.Element(Atom + "title")?.Attribute("type"));
            var content = entry.Element(Atom + "content");
            if (content is null)
            {
                continue;
            }

            // A reader renders type="html" content as HTML: parse it as one would and look for anything live.
            var document = new HtmlParser().ParseDocument((string)content);
            var live = document.All.Where(e =>
                e.LocalName is "script" or "style" or "img" or "svg" or "iframe" or "math" or "object" or "embed" ||
                e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) ||
                e.GetAttribute("href")?.TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase) == false);
            Assert.Empty(live.Select(e => e.OuterHtml));
            shown += Payloads.Count(p => document.Body!.TextContent.Contains(p, StringComparison.Ordinal) && p.Contains('<', StringComparison.Ordinal)) > 0 ? 1 : 0;
        }

        Assert.True(shown > 0, "no entry showed a payload with markup in it as text");
    }

    [Fact]
    public async Task The_csv_download_escapes_every_cell_a_spreadsheet_would_run_as_a_formula()
    {
        using var client = app.CreateClient();
        var csv = await client.GetStringAsync("/statements.csv", TestContext.Current.CancellationToken);
        var cells = ReadCells(csv).ToList();

        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        // Each formula leads its group's values (PayloadGroup.Of), so some cell starts with it: escaped, it starts with '.
        foreach (var formula in Payloads.Where(p => p[0] is '=' or '+' or '-' or '@'))
        {
            Assert.Contains(cells, c => c.StartsWith("'" + formula, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_json_api_returns_the_payloads_as_json_strings_that_a_browser_will_not_sniff_as_html()
    {
        using var client = app.CreateClient();
        foreach (var g in HostileMarkupApp.Groups)
        {
            using var response = await client.GetAsync($"/api/v1/statements/{app.Records[g.Number].Statement}", TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(g.Text, json.RootElement.GetProperty("quote").GetString());
        }
    }

    /// <summary>Every cell of an RFC 4180 file, quotes undone.</summary>
    private static IEnumerable<string> ReadCells(string csv)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString().TrimEnd('\r');
                cell.Clear();
            }
            else if (c != '\uFEFF')
            {
                cell.Append(c);
            }
        }

        yield return cell.ToString();
    }
}
