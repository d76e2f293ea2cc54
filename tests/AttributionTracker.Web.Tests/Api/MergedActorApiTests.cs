using System.Net;
using AttributionTracker.Domain;
using AttributionTracker.Web.Tests.Editing;

namespace AttributionTracker.Web.Tests.Api;

public sealed class MergedActorApiTests
{
    [Fact]
    public async Task A_merged_actors_old_slug_redirects_permanently_to_the_new_API_address_with_its_query()
    {
        await using var app = new AttributionWebFactory();
        var editor = await app.SignedInClientAsync(Roles.Editor);
        await EditForm.PostAsync(editor, "/actors/new", new() { ["Input.Name"] = "Example Typhoon" });
        await EditForm.PostAsync(editor, "/actors/hafnium/merge?into=example+typhoon", [], formSelector: "#merge-confirm-form");
        var client = app.Client();

        var moved = await ApiAnswer.GetAsync(client, "/api/v1/actors/hafnium?asof=2021-07-19");
        var target = await ApiAnswer.GetAsync(client, moved.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.MovedPermanently, moved.Status);
        Assert.Equal("/api/v1/actors/example-typhoon?asof=2021-07-19", moved.Location.OriginalString);
        Assert.Equal("Example Typhoon", target.Json.At("name"));
        Assert.Contains(target.Json.Each("aliases"), a => a.At("name") == "Hafnio");
        Assert.Equal("2", target.Json.At("counts", "statements"));
    }
}
