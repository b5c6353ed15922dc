using System.Globalization;
using System.Text;
using System.Xml;
using Newsroom.Api.Http;
using Newsroom.Application.Feeds;

namespace Newsroom.Api.Feeds;

/// <summary>Writes the sitemap protocol's <c>urlset</c> and its Google News variant.</summary>
internal static class SitemapXml
{
    public const string MediaType = "application/xml";
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };

    public static Stream Sitemap(IReadOnlyList<SitemapUrl> urls) => Write(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        foreach (var url in urls)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, url.Location);
            if (url.LastModified is { } lastModified)
            {
                writer.WriteElementString("lastmod", SitemapNamespace, W3CDateTime(lastModified));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static Stream News(IReadOnlyList<NewsSitemapUrl> urls) => Write(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        writer.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var url in urls)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, url.Location);
            writer.WriteStartElement("news", "news", NewsNamespace);
            writer.WriteStartElement("news", "publication", NewsNamespace);
            writer.WriteElementString("news", "name", NewsNamespace, url.PublicationName);
            writer.WriteElementString("news", "language", NewsNamespace, url.Language);
            writer.WriteEndElement();
            writer.WriteElementString("news", "publication_date", NewsNamespace, W3CDateTime(url.PublishedAt));
            writer.WriteElementString("news", "title", NewsNamespace, url.Title);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    /// <summary>W3C Datetime in UTC, as both protocols accept it: <c>2025-07-02T08:30:00Z</c>.</summary>
    private static string W3CDateTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Stream Write(Action<XmlWriter> body)
    {
        var stream = PooledBuffers.Rent("sitemap");
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        stream.Position = 0;
        return stream;
    }
}
