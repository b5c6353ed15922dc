using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;

namespace Newsroom.Application.Reading;

/// <summary>A page of a list, or, when a slug of the filter names nothing, which one: "section", "tag" or "author".</summary>
public sealed record PublicListPage(CursorPage<PublicArticleSummary> Page, string? UnknownFilter);

/// <summary>How "previous" and "next" are chosen: across the whole site, or within the article's section.</summary>
public enum Navigation
{
    Site,
    Section,
}

/// <summary>A month of the archives, in the site's time zone.</summary>
/// <param name="Year">Year in Europe/Paris.</param>
/// <param name="Month">Month 1–12 in Europe/Paris.</param>
/// <param name="Count">Published articles that month.</param>
public sealed record ArchiveMonth(int Year, int Month, int Count);

/// <summary>Just what sitemaps need of a public article.</summary>
public sealed record SitemapArticle(string Slug, string SectionSlug, string Title, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// What anonymous readers may see: only published articles whose publication instant has come, never anything else;
/// tags and authors only through such an article.
/// </summary>
public interface IPublicQueries
{
    /// <summary>
    /// The slugs resolved in one round trip (none when no slug is given). A tag or an author is known only through an
    /// article public at <paramref name="now"/>, so a 404 never tells a tag only drafts use from one that does not
    /// exist; sections are the site's navigation and are known even when empty.
    /// </summary>
    Task<PublicFilterTargets> ResolveAsync(PublicFilterSlugs slugs, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A keyset page, newest first. The section's slug is resolved in the page's own statement (readers' lists are the
    /// hottest path); a tag's or an author's is resolved first, by <see cref="ResolveAsync"/>'s statement.
    /// </summary>
    Task<PublicListPage> ListAsync(PublicFilterSlugs slugs, DateTimeOffset? from, DateTimeOffset? to, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken);

    Task<PublicArticleResponse?> GetBySlugAsync(string slug, Navigation navigation, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The current slug of the public article that once had this slug, if any.</summary>
    Task<string?> CurrentSlugOfAsync(string oldSlug, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The latest public articles with their bodies, for feeds.</summary>
    Task<IReadOnlyList<PublicArticleResponse>> LatestWithBodiesAsync(PublicArticleFilter filter, int limit, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Public articles, newest first, published at or after <paramref name="publishedSince"/> when given; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SitemapArticle>> SitemapArticlesAsync(DateTimeOffset? publishedSince, int limit, DateTimeOffset now, CancellationToken cancellationToken);
}
