using System.Text.Json;
using AttributionTracker.Domain;
using Microsoft.EntityFrameworkCore;

namespace AttributionTracker.Interop.Stix;

internal sealed partial class StixImportRun
{
    private async Task ReportsAsync(IEnumerable<JsonElement> reports, CancellationToken ct)
    {
        var existing = await db.Sources.ToDictionaryAsync(s => s.TextSha256, ct);
        foreach (var o in reports)
        {
            var x = o.Object(X.Source);
            var raw = x?.Text("text") ?? o.Text("description") ?? o.Text("name")!;
            var text = SourceText.Normalise(raw);
            var sha = SourceText.Fingerprint(text);
            if (!existing.TryGetValue(sha, out var source))
            {
                var url = x?.Text("url") ?? o.Items("external_references").Select(e => e.Text("url")).FirstOrDefault(StixElement.IsWebAddress);
                if (url is not null && !StixElement.IsWebAddress(url))
                {
                    Problem(o, X.Source + ".url", "a source's address must be an http or https URL");
                }

                var language = o.Text("lang") ?? "en";
                source = new Source
                {
                    Title = o.Text("name")!,
                    Publisher = x is { } xs ? xs.Text("publisher") : o.Items("external_references").Select(e => e.Text("source_name")).FirstOrDefault(),
                    Url = url,
                    Language = language.Length == 2 ? language : language[..Math.Min(2, language.Length)],
                    PublishedOn = x is { } xp ? Date(o, X.Source + ".published", xp.Text("published")) : StixTime.Day(o.Text("published")),
                    Text = text,
                    TextSha256 = sha,
                    ImportedFrom = x is { } xi ? xi.Text("imported_from") : "STIX " + bundle.Id,
                };
                db.Sources.Add(source);
                existing[sha] = source;
                stamps.Add((source, o));
                Result.Count(Result.Created, "sources");
            }
            else if (!stamps.Any(s => s.Record == source))
            {
                Result.Count(Result.Merged, "sources");
            }

            foreach (var r in o.Strings("object_refs"))
            {
                sourceOf.TryAdd(r, source);
            }
        }
    }
}
