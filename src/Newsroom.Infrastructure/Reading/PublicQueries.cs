using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// What readers may see. Every query starts from <see cref="ArticleVisibility.PublicAt"/> (or its SQL,
/// <see cref="ArticleVisibility.Sql"/>), so a draft, scheduled, withdrawn or future article can't reach a list, a count,
/// a related list or a navigation link. The hot ones (lists, the article page, filter slugs, feeds' pages) are
/// hand-written SQL on the readers' pool, each owned by its class; the rest go through EF Core.
/// </summary>
internal sealed class PublicQueries(NewsroomDbContext db, PublicFilterResolver filters, PublicArticleList lists, PublicArticlePage pages, PublicArticleRows rows)
    : IPublicQueries
{
    public Task<PublicFilterTargets> ResolveAsync(PublicFilterSlugs slugs, DateTimeOffset now, CancellationToken cancellationToken) =>
        filters.ResolveAsync(slugs, now, cancellationToken);

    public Task<PublicListPage> ListAsync(PublicFilterSlugs slugs, DateTimeOffset? from, DateTimeOffset? to, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken) =>
        lists.ReadAsync(slugs, from, to, after, limit, now, cancellationToken);

    public Task<PublicArticleResponse?> GetBySlugAsync(string slug, Navigation navigation, DateTimeOffset now, CancellationToken cancellationToken) =>
        pages.ReadAsync(slug, navigation, now, cancellationToken);

    public async Task<string?> CurrentSlugOfAsync(string oldSlug, DateTimeOffset now, CancellationToken cancellationToken) =>
        await (from history in db.ArticleSlugHistory
               join article in db.Articles.PublicAt(now) on history.ArticleId equals article.Id
               where history.Slug == oldSlug
               select article.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// From the per-UTC-month counts the database keeps (Persistence/Sql/04_article_month_counts.sql), without reading the articles:
    /// a site month is its UTC month, plus the articles between the site's and UTC's midnights at its start, minus
    /// those at the start of the next month (the signs turn for zones west of UTC), minus what is scheduled but
    /// not yet due. Only the articles of those few hours are read, through the public-order index.
    /// </summary>
    public async Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<ArchiveMonth>($"""
            WITH counted AS (
                SELECT month, count FROM article_month_counts WHERE count > 0
            ), candidates AS (
                SELECT month + step * interval '1 month' AS month FROM counted, (VALUES (-1), (0), (1)) AS steps(step)
            ), bounds AS (
                SELECT month, (month AT TIME ZONE @zone) AS site_start, (month AT TIME ZONE 'UTC') AS utc_start
                FROM (SELECT month FROM candidates UNION SELECT month + interval '1 month' FROM candidates) m
            ), shifts AS (
                SELECT b.month,
                       CASE WHEN b.site_start < b.utc_start
                            THEN (SELECT count(*) FROM articles a WHERE {ArticleVisibility.Sql}
                                  AND a.published_at >= b.site_start AND a.published_at < b.utc_start)
                            ELSE -(SELECT count(*) FROM articles a WHERE {ArticleVisibility.Sql}
                                  AND a.published_at >= b.utc_start AND a.published_at < b.site_start)
                       END AS shift
                FROM bounds b
            ), not_yet AS (
                SELECT date_trunc('month', a.published_at AT TIME ZONE 'UTC') AS month, count(*) AS count
                FROM articles a WHERE {ArticleVisibility.Listed} AND a.published_at > @now
                GROUP BY 1
            ), site AS (
                SELECT c.month, coalesce(n.count, 0) - coalesce(f.count, 0) + s.shift - coalesce(s_next.shift, 0) AS count
                FROM (SELECT DISTINCT month FROM candidates) c
                JOIN shifts s ON s.month = c.month
                LEFT JOIN shifts s_next ON s_next.month = c.month + interval '1 month'
                LEFT JOIN counted n ON n.month = c.month
                LEFT JOIN not_yet f ON f.month = c.month
            )
            SELECT extract(year FROM month)::int AS "Year", extract(month FROM month)::int AS "Month", count::int AS "Count"
            FROM site
            WHERE count > 0
            ORDER BY month DESC
            """, new NpgsqlParameter("zone", zone.Id), new NpgsqlParameter("now", now.ToUniversalTime())).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PublicArticleResponse>> LatestWithBodiesAsync(PublicArticleFilter filter, int limit, DateTimeOffset now, CancellationToken cancellationToken) =>
        await rows.LatestPagesAsync(filter, limit, now, cancellationToken);

    public async Task<IReadOnlyList<SitemapArticle>> SitemapArticlesAsync(DateTimeOffset? publishedSince, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.Articles.AsNoTracking().PublicAt(now);
        if (publishedSince is { } since)
        {
            var utcSince = since.ToUniversalTime();
            query = query.Where(a => a.PublishedAt >= utcSince);
        }

        // A projection of five columns (the section's slug by join): up to 50,000 rows without loading bodies or links.
        return await (from article in query
                      join section in db.Sections on article.SectionId equals section.Id
                      orderby article.PublishedAt descending, article.Id descending
                      select new SitemapArticle(article.Slug, section.Slug, article.Title, article.PublishedAt!.Value, article.UpdatedAt))
            .Take(limit).ToListAsync(cancellationToken);
    }
}
