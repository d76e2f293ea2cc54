using AttributionTracker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AttributionTracker.Web.Tests.Api;

public sealed class RetractedStatementApiTests
{
    [Fact]
    public async Task A_statement_an_editor_withdrew_stays_in_the_API_marked_with_when_and_why()
    {
        await using var app = new AttributionWebFactory();
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttributionDbContext>();
            db.ChangedBy = "test";
            var stored = await db.Statements.SingleAsync(s => s.Id == 1, ct);
            stored.RetractedAt = new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
            stored.RetractedBy = "editor@example.org";
            stored.RetractionReason = "Misread source";
            await db.SaveChangesAsync(ct);
        }

        var client = app.CreateClient();
        var statement = (await ApiAnswer.GetAsync(client, "/api/v1/statements/1")).Json;
        var listed = (await ApiAnswer.GetAsync(client, "/api/v1/statements?pageSize=200")).Items.EnumerateArray().Single(s => s.At("id") == "1");

        Assert.Equal("2026-11-29T10:00:00Z", statement.At("retraction", "at"));
        Assert.Equal("Misread source", statement.At("retraction", "reason"));
        Assert.Equal("Misread source", listed.At("retraction", "reason"));
        Assert.Null((await ApiAnswer.GetAsync(client, "/api/v1/statements/2")).Json.At("retraction"));
    }
}
