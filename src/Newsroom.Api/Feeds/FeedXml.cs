using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Newsroom.Api.Http;
using Newsroom.Application.Feeds;

namespace Newsroom.Api.Feeds;

/// <summary>
/// Writes a <see cref="Feed"/> as RSS 2.0 or Atom 1.0 with the framework's formatters, so the output is what standard
/// readers expect. The whole document is written into a pooled buffer (<see cref="PooledBuffers"/>), positioned at its
/// start: the public validators hash the whole body for the ETag anyway, and a feed is too big for one plain array.
/// </summary>
internal static class FeedXml
{
    public const string RssMediaType = "application/rss+xml";
    public const string AtomMediaType = "application/atom+xml";

    private static readonly XmlWriterSettings Settings = new()
    {
        // No byte-order mark: the body must start with the XML declaration itself. UTF-8 carries é, œ, ’ and « » as
        // themselves, so nothing is turned into character references.
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>RSS readers look for the body in content:encoded and for bylines in dc:creator (RSS 2.0 has neither).</summary>
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    public static Stream Rss(Feed feed, Uri self) =>
        // Atom extensions carry what RSS 2.0 lacks: the rel=self link, and authors without an e-mail address.
        Write(new Rss20FeedFormatter(Build(feed, self, RssMediaType, rss: true), serializeExtensionsAsAtom: true));

    public static Stream Atom(Feed feed, Uri self) => Write(new Atom10FeedFormatter(Build(feed, self, AtomMediaType, rss: false)));

    private static SyndicationFeed Build(Feed feed, Uri self, string mediaType, bool rss)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, new Uri(feed.SiteLink))
        {
            // The feed's own address identifies it: one id per format and filter, stable across requests.
            Id = self.AbsoluteUri,
            Language = feed.Language,
            LastUpdatedTime = feed.Updated,
            Generator = "Newsroom",
            Items = feed.Items.Select(item => Item(item, rss)).ToList(),
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(self, mediaType));
        return syndication;
    }

    private static SyndicationItem Item(FeedItem item, bool rss)
    {
        var entry = new SyndicationItem
        {
            Id = item.Id,
            Title = new TextSyndicationContent(item.Title),
            PublishDate = item.PublishedAt,
            LastUpdatedTime = item.UpdatedAt,
            Summary = new TextSyndicationContent(item.Summary),
        };
        if (rss)
        {
            entry.ElementExtensions.Add("encoded", ContentModule, item.ContentHtml);
        }
        else
        {
            entry.Content = new TextSyndicationContent(item.ContentHtml, TextSyndicationContentKind.Html);
        }

        entry.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(item.Link)));
        foreach (var author in item.Authors)
        {
            entry.Authors.Add(new SyndicationPerson { Name = author });
            if (rss)
            {
                entry.ElementExtensions.Add("creator", DublinCore, author);
            }
        }

        foreach (var category in item.Categories)
        {
            entry.Categories.Add(new SyndicationCategory(category));
        }

        return entry;
    }

    private static Stream Write(SyndicationFeedFormatter formatter)
    {
        var stream = PooledBuffers.Rent("feed");
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            formatter.WriteTo(writer);
            writer.WriteEndDocument();
        }

        stream.Position = 0;
        return stream;
    }
}
