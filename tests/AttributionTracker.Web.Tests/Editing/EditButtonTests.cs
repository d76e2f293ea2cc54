using AttributionTracker.Domain;

namespace AttributionTracker.Web.Tests.Editing;

public sealed class EditButtonTests(AttributionWebFactory app)
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/incidents/ataque-al-parlamento-de-finlandia", "/incidents/ataque-al-parlamento-de-finlandia/edit" },
        { "/actors/hafnium", "/actors/hafnium/edit" },
        { "/parties/national-cyber-security-centre", "/parties/national-cyber-security-centre/edit" },
        { "/incidents", "/incidents/new" },
        { "/actors", "/actors/new" },
        { "/parties", "/parties/new" },
        { "/sources", "/sources/new" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Editors_see_the_edit_and_new_buttons_and_readers_do_not(string page, string edit)
    {
        var editor = await app.SignedInClientAsync(Roles.Editor);
        var noRole = await app.SignedInClientAsync(null);

        Assert.Single((await HtmlPage.GetAsync(editor, page)).Links(edit), a => a.GetAttribute("href") == edit);
        Assert.DoesNotContain((await HtmlPage.GetAsync(app.Client(), page)).Links(edit), a => a.GetAttribute("href") == edit);
        Assert.DoesNotContain((await HtmlPage.GetAsync(noRole, page)).Links(edit), a => a.GetAttribute("href") == edit);
    }
}
