using System.Net;
using System.Text;
using AttributionTracker.Data;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AttributionTracker.Web.Tests.Import.ImportForms;

namespace AttributionTracker.Web.Tests.Import;

public sealed class ImportReviewTests(AttributionWebFactory shared)
{
    private const string French =
        "Le gouvernement a annoncé mardi que les services de renseignement avaient découvert une attaque informatique contre " +
        "plusieurs ministères. Selon le porte-parole, les pirates auraient agi pour le compte d'un État étranger, mais il n'a pas " +
        "voulu dire lequel. Les enquêteurs poursuivent leur travail et une réunion du conseil de défense est prévue cette semaine " +
        "pour examiner les mesures à prendre contre ces menaces qui se multiplient depuis le début de l'année.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_pastes_an_article_rejects_one_statement_corrects_another_and_commits_exactly_that()
    {
        await using var app = new AttributionWebFactory();
        var client = await app.SignedInClientAsync(Roles.Editor);
        var editor = (await HtmlPage.GetAsync(client, "/import")).Text("#signed-in-as");
        var text = await File.ReadAllTextAsync(CorpusFile("en_01_notpetya_russia.txt"), Ct);

        var (response, preview) = await PasteAsync(client, await TokenAsync(client), text, "2018-02-15");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = preview.Document.QuerySelectorAll("#review-form fieldset[id^=review-s]");
        Assert.True(cards.Length >= 3, $"{cards.Length} statements");
        // Every statement's sentence is marked in the text and numbered like its card.
        Assert.Equal(cards.Length, preview.Document.QuerySelectorAll("#review-text .review-number").Length);
        Assert.NotEmpty(preview.Document.QuerySelectorAll("#review-text mark.review-statement"));
        Assert.NotEmpty(preview.Document.QuerySelectorAll("#review-text .review-party"));
        Assert.Contains("matches", preview.Text("#review-parties"), StringComparison.Ordinal);
        // Ready for a strict content security policy: no inline style or script.
        Assert.Empty(preview.Document.QuerySelectorAll("[style], script:not([src])"));

        var fields = Fields(preview.Document);
        Set(fields, "Review.Title", "Britain blames Russia for NotPetya");
        Set(fields, "Review.Statements[0].Keep", "false");
        Set(fields, "Review.Statements[1].Confidence", "remote-chance");
        Set(fields, "Review.Statements[1].ConfidenceText", "a remote chance");
        var secondQuote = preview.Text("#review-s2 .review-quote");
        var (commit, _) = await PostAsync(client, "Commit", new FormUrlEncodedContent(fields));
        var (again, alreadyStored) = await PostAsync(client, "Commit", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        var location = commit.Headers.Location!.OriginalString;
        Assert.StartsWith("/sources/", location, StringComparison.Ordinal);
        // Committing the same review twice (a double click) stores it once and says where it is.
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(location, alreadyStored.Document.QuerySelector("#already-imported a")?.GetAttribute("href"));
        var source = await HtmlPage.GetAsync(client, location);
        Assert.Equal("Britain blames Russia for NotPetya", source.Text("h1"));
        var rows = source.Document.QuerySelectorAll("table.statements tbody tr");
        Assert.Equal(cards.Length - 1, rows.Length);
        var corrected = Assert.Single(rows, r => r.TextContent.Contains("remote chance", StringComparison.Ordinal));
        Assert.Contains("a remote chance", corrected.TextContent, StringComparison.Ordinal);
        Assert.Contains(Collapse(secondQuote), Collapse(corrected.TextContent), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
        var sourceId = int.Parse(location["/sources/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var statementIds = await db.Statements.Where(s => s.SourceId == sourceId).Select(s => s.Id.ToString()).ToListAsync(Ct);
        var writers = await db.RecordChanges.Where(c => c.RecordType == "AttributionStatement" && statementIds.Contains(c.RecordKey)).Select(c => c.By).Distinct().ToListAsync(Ct);
        Assert.Equal([editor], writers);

        // The same article again is recognised at preview, with a link to what is stored.
        var (_, pastedAgain) = await PasteAsync(client, await TokenAsync(client), text);
        Assert.Equal(location, pastedAgain.Document.QuerySelector("#already-imported a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Bad_uploads_and_a_tampered_review_are_refused_with_a_clear_message_and_nothing_is_written()
    {
        await using var app = new AttributionWebFactory();
        var client = await app.SignedInClientAsync(Roles.Editor);
        var before = await SourcesAsync(app);
        var token = await TokenAsync(client);

        var cases = new (string File, byte[] Bytes, string Message)[]
        {
            ("empty.txt", [], "The file is empty"),
            ("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0x1A], "Binary file, not a text article"),
            ("huge.txt", new byte[(6 * 1024 * 1024) + 1], "articles over 5 MB are refused"),
            ("francais.txt", Encoding.UTF8.GetBytes(French), "looks like French"),
            ("photo.jpg", Encoding.UTF8.GetBytes("hello"), "Choose a .txt, .md or .html file"),
        };
        foreach (var (file, bytes, message) in cases)
        {
            var (response, page) = await UploadAsync(client, token, file, bytes);
            AssertNoServerError(response);
            Assert.Contains(message, page.Text("span[data-valmsg-for='Article.File']"), StringComparison.Ordinal);
        }

        // A good upload is read the same way: its file name is where the source came from.
        var markdown = await File.ReadAllBytesAsync(CorpusFile("en_11_midnight_blizzard_microsoft.md"), Ct);
        var (_, uploaded) = await UploadAsync(client, token, "en_11_midnight_blizzard_microsoft.md", markdown);
        Assert.Contains("en_11_midnight_blizzard_microsoft.md", uploaded.Text("#review-facts"), StringComparison.Ordinal);
        Assert.NotEmpty(uploaded.Document.QuerySelectorAll("#review-text .review-number"));

        var (_, emptyPaste) = await PasteAsync(client, token, "   ");
        Assert.Contains("Paste an article's text", emptyPaste.Text("span[data-valmsg-for='Article.Text']"), StringComparison.Ordinal);

        // A review whose sealed payload was altered is refused, whatever else the form says.
        var text = await File.ReadAllTextAsync(CorpusFile("es_04_albania_iran_ruptura.txt"), Ct);
        var (_, preview) = await PasteAsync(client, token, text);
        var fields = Fields(preview.Document);
        var payload = fields.Single(f => f.Key == "Review.Payload").Value;
        Set(fields, "Review.Payload", payload[..20] + (payload[20] == 'A' ? 'B' : 'A') + payload[21..]);
        var (tampered, refused) = await PostAsync(client, "Commit", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("could not be verified", refused.Text("#review-problem"), StringComparison.Ordinal);

        Assert.Equal(before, await SourcesAsync(app));
    }

    [Fact]
    public async Task A_correction_that_cannot_be_right_is_shown_beside_its_field_and_the_review_is_kept()
    {
        var client = await shared.SignedInClientAsync(Roles.Admin);
        var token = await TokenAsync(client);
        var (_, preview) = await PasteAsync(client, token, await File.ReadAllTextAsync(CorpusFile("en_02_wannacry_north_korea.txt"), Ct));
        var fields = Fields(preview.Document);
        Set(fields, "Review.Statements[0].Date", "last spring");
        Set(fields, "Review.Statements[0].State", "XX");
        Set(fields, "Review.Statements[0].ConfidenceText", "kept wording");

        var (response, page) = await PostAsync(client, "Update", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("YYYY-MM-DD", page.Text("span[data-valmsg-for='Review.Statements[0].Date']"), StringComparison.Ordinal);
        Assert.Contains("No state has the code \"XX\"", page.Text("span[data-valmsg-for='Review.Statements[0].State']"), StringComparison.Ordinal);
        Assert.Equal("kept wording", page.Document.QuerySelector("input[name='Review.Statements[0].ConfidenceText']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Only_editors_and_admins_may_import()
    {
        var anonymous = shared.Client();
        var get = await anonymous.GetAsync("/import", Ct);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/account/login", get.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var post = await anonymous.PostAsync("/import?handler=Commit", new FormUrlEncodedContent([new("Review.Payload", "x")]), Ct);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.True(post.StatusCode < HttpStatusCode.InternalServerError);

        var nobody = await shared.SignedInClientAsync(null);
        var home = await HtmlPage.GetAsync(nobody, "/");
        Assert.Empty(home.Links("/import"));
        var forbidden = await nobody.GetAsync("/import", Ct);
        Assert.Contains(forbidden.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Redirect });
        Assert.NotEqual(HttpStatusCode.OK, (await nobody.PostAsync("/import?handler=Preview", new FormUrlEncodedContent([new("Article.Text", "x")]), Ct)).StatusCode);

        var editor = await shared.SignedInClientAsync(Roles.Editor);
        Assert.Single((await HtmlPage.GetAsync(editor, "/")).Links("/import"));
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('“', '”', '"');

    private static async Task<int> SourcesAsync(AttributionWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AttributionDbContext>().Sources.CountAsync(Ct);
    }
}
