using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Xml;

namespace AttributionTracker.Web.Feeds;

/// <summary>Builds the Atom document of one feed with the framework's formatter; no XML is written by hand.</summary>
public static class AtomFeed
{
    // Quotes are mostly Spanish: letters stay letters, only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static byte[] Write(FeedScope scope, IReadOnlyList<FeedEntry> entries, Uri site)
    {
        var feedUrl = new Uri(site, $"/feeds/{scope.Path}.atom");
        var feed = new SyndicationFeed(scope.Title, null, new Uri(site, scope.PagePath))
        {
            Id = TagUri(site, "feeds/" + scope.Path),
            // A feed's "updated" follows its content, never the clock, so an unchanged feed is byte-for-byte the same
            // and its ETag holds.
            LastUpdatedTime = Utc(entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : scope.ScopeUpdatedAt ?? DateTime.UnixEpoch),
            Generator = "AttributionTracker",
            Items = entries.Select(e => Item(e, site)).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(feedUrl, "application/atom+xml"));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    private static SyndicationItem Item(FeedEntry e, Uri site)
    {
        var page = new Uri(site, $"/statements/{e.Id}");
        var item = new SyndicationItem(EntryTitle.For(e), Content(e, site), page, TagUri(site, $"statements/{e.Id}"), Utc(e.UpdatedAt))
        {
            PublishDate = Utc(e.CreatedAt),
        };
        if (e.Lead is { } lead)
        {
            item.Authors.Add(new SyndicationPerson { Name = lead.Name, Uri = new Uri(site, $"/parties/{lead.Slug.Value}").AbsoluteUri });
        }
        else
        {
            item.Authors.Add(new SyndicationPerson { Name = "Unknown party" });
        }

        return item;
    }

    private static TextSyndicationContent Content(FeedEntry e, Uri site)
    {
        // HTML content, encoded by the formatter: the quote, then where it was read (the archived copy on this site and
        // the original address), then an editor's withdrawal if any.
        var html = new StringBuilder();
        if (e.Quote is { } quote)
        {
            html.Append("<blockquote>").Append(Html.Encode(quote)).Append("</blockquote>");
        }

        if (e.SourceId is { } sourceId)
        {
            var archived = new Uri(site, $"/sources/{sourceId}#s{e.Id}").AbsoluteUri;
            html.Append("<p>Source: <a href=\"").Append(Html.Encode(archived)).Append("\">")
                .Append(Html.Encode(e.SourceTitle ?? "archived source")).Append("</a>");
            if (e.SourceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var original) && original.Scheme is "http" or "https")
            {
                html.Append(" (<a href=\"").Append(Html.Encode(original.AbsoluteUri)).Append("\">original</a>)");
            }

            html.Append("</p>");
        }

        if (e.RetractedAt is not null)
        {
            html.Append("<p><strong>Withdrawn by the editors</strong>")
                .Append(e.RetractionReason is { } reason ? ": " + Html.Encode(reason) : "").Append("</p>");
        }

        return SyndicationContent.CreateHtmlContent(html.ToString());
    }

    /// <summary>
    /// A tag URI (RFC 4151) on the site's host name: stable across restarts and ports, and never dereferenced by readers
    /// the way an http id would be.
    /// </summary>
    private static string TagUri(Uri site, string specific) => $"tag:{site.Host},2026:{specific}";

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
