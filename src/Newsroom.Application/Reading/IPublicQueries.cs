using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;

namespace Newsroom.Application.Reading;

/// <summary>Which published articles a feed shows. Slugs are already known to exist.</summary>
public sealed record PublicArticleFilter(Guid? SectionId, Guid? TagId, Guid? AuthorId, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Which published articles a list shows, by the slugs readers give.</summary>
public sealed record PublicListFilter(string? Section = null, string? Tag = null, string? Author = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

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

/// <summary>What readers may see: only published articles whose publication instant has come, never anything else.</summary>
public interface IReaderQueries
{
    Task<Guid?> SectionIdAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The tag's id when it has an article public at <paramref name="now"/>; a tag only drafts use is unknown to readers.</summary>
    Task<Guid?> PublicTagIdAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The author's id when they sign an article public at <paramref name="now"/>; otherwise unknown to readers.</summary>
    Task<Guid?> PublicAuthorIdAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The slugs are resolved with the page, in one round trip: readers' lists are the hottest path.</summary>
    Task<PublicListPage> ListAsync(PublicListFilter filter, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken);

    Task<PublicArticleResponse?> GetBySlugAsync(string slug, Navigation navigation, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The current slug of the public article that once had this slug, if any.</summary>
    Task<string?> CurrentSlugOfAsync(string oldSlug, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The latest public articles with their bodies, for feeds.</summary>
    Task<IReadOnlyList<PublicArticleResponse>> LatestWithBodiesAsync(PublicArticleFilter filter, int limit, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Public articles, newest first, published at or after <paramref name="publishedSince"/> when given; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SitemapArticle>> SitemapArticlesAsync(DateTimeOffset? publishedSince, int limit, DateTimeOffset now, CancellationToken cancellationToken);
}
