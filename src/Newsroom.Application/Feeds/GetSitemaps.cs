using Mediator;
using Newsroom.Application.Reading;
using Newsroom.Application.Sections;
using Newsroom.Application.Site;

namespace Newsroom.Application.Feeds;

/// <summary>One URL of <c>/sitemap.xml</c>; <paramref name="LastModified"/> is null for pages that have no single date.</summary>
public sealed record SitemapUrl(string Location, DateTimeOffset? LastModified);

/// <summary>
/// Every public page crawlers should know: the home page, the section pages, then the public articles, newest first.
/// The sitemap protocol allows 50,000 URLs per file; past that the oldest articles are left out (a sitemap index
/// would be the next step, not needed at the magazine's size).
/// </summary>
public sealed record GetSitemap : IQuery<IReadOnlyList<SitemapUrl>>
{
    public const int MaxUrls = 50_000;
}

public sealed class GetSitemapHandler(IPublicQueries queries, ISectionRepository sections, SiteOptions site, TimeProvider clock)
    : IQueryHandler<GetSitemap, IReadOnlyList<SitemapUrl>>
{
    public async ValueTask<IReadOnlyList<SitemapUrl>> Handle(GetSitemap query, CancellationToken cancellationToken)
    {
        var urls = new List<SitemapUrl> { new(PublicLinks.Home(site) + "/", null) };
        urls.AddRange((await sections.ListAsync(cancellationToken)).Select(s => new SitemapUrl(PublicLinks.Section(site, s.Slug), null)));
        var articles = await queries.SitemapArticlesAsync(null, GetSitemap.MaxUrls - urls.Count, clock.GetUtcNow(), cancellationToken);
        urls.AddRange(articles.Select(a => new SitemapUrl(PublicLinks.Article(site, a.SectionSlug, a.Slug), a.UpdatedAt)));
        return urls;
    }
}

/// <summary>One article of the Google News sitemap.</summary>
/// <param name="PublicationName">The site's name, as registered with Google News.</param>
/// <param name="Language">Two-letter language ("fr").</param>
public sealed record NewsSitemapUrl(string Location, string PublicationName, string Language, DateTimeOffset PublishedAt, string Title);

/// <summary>
/// The Google News sitemap: articles published in the last 48 hours (Google ignores older ones), at most 1,000 as its
/// guidelines require.
/// </summary>
public sealed record GetNewsSitemap : IQuery<IReadOnlyList<NewsSitemapUrl>>
{
    public const int MaxUrls = 1_000;
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);
}

public sealed class GetNewsSitemapHandler(IPublicQueries queries, SiteOptions site, TimeProvider clock)
    : IQueryHandler<GetNewsSitemap, IReadOnlyList<NewsSitemapUrl>>
{
    public async ValueTask<IReadOnlyList<NewsSitemapUrl>> Handle(GetNewsSitemap query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var articles = await queries.SitemapArticlesAsync(now - GetNewsSitemap.Window, GetNewsSitemap.MaxUrls, now, cancellationToken);
        var language = PublicLinks.Language(site);
        return articles.Select(a => new NewsSitemapUrl(PublicLinks.Article(site, a.SectionSlug, a.Slug), site.Name, language, a.PublishedAt, a.Title)).ToList();
    }
}
