using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Reading;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Readers' queries. Every one starts from <see cref="ArticleVisibility.PublicAt"/>, so a draft, scheduled,
/// withdrawn or future article can't reach a list, a count, a related list or a navigation link.
/// Lists are keyset pages on (published_at, id), served by a partial index of public articles.
/// </summary>
internal sealed class ReaderQueries(NewsroomDbContext db, PublicArticleRows rows) : IReaderQueries
{
    public const int RelatedCount = 6;

    /// <summary>Newest articles of each of the article's tags that may be related.</summary>
    private const int TagCandidates = 40;

    /// <summary>Newest articles of its section that may be related.</summary>
    private const int SectionCandidates = 20;

    public Task<Guid?> SectionIdAsync(string slug, CancellationToken cancellationToken) =>
        db.Sections.Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> PublicTagIdAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var publicArticles = db.Articles.PublicAt(now);
        return db.Tags.Where(t => t.Slug == slug && db.Set<ArticleTag>().Any(x => x.TagId == t.Id && publicArticles.Any(a => a.Id == x.ArticleId)))
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<Guid?> PublicAuthorIdAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var publicArticles = db.Articles.PublicAt(now);
        return db.Authors.Where(au => au.Slug == slug && db.Set<ArticleAuthor>().Any(x => x.AuthorId == au.Id && publicArticles.Any(a => a.Id == x.ArticleId)))
            .Select(au => (Guid?)au.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<PublicListPage> ListAsync(PublicListFilter filter, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken) =>
        rows.ListAsync(filter, after, limit, now, cancellationToken);

    public Task<PublicArticleResponse?> GetBySlugAsync(string slug, Navigation navigation, DateTimeOffset now, CancellationToken cancellationToken) =>
        rows.ArticlePageAsync(slug, NeighboursSql(navigation), now, cancellationToken);

    public async Task<string?> CurrentSlugOfAsync(string oldSlug, DateTimeOffset now, CancellationToken cancellationToken) =>
        await (from history in db.ArticleSlugHistory
               join article in db.Articles.PublicAt(now) on history.ArticleId equals article.Id
               where history.Slug == oldSlug
               select article.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// From the per-UTC-month counts the database keeps (migration ArchiveMonthCounts), without reading the articles:
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

    public async Task<IReadOnlyList<PublicArticleResponse>> LatestWithBodiesAsync(PublicArticleFilter filter, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await Filtered(filter, now).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(limit)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        return await rows.PagesAsync(ids, now, cancellationToken);
    }

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

    /// <summary>
    /// Previous ('p'), next ('n') and "À lire également" ('r' picked, 'c' computed) of the article <c>me</c> (id,
    /// published_at, section_id, title, tags), as rows (kind, id, position) for
    /// <see cref="PublicArticleRows.ArticlePageAsync"/>; <paramref name="navigation"/> says which articles previous
    /// and next are chosen among. Related: the editors' picks in their order, then the best computed matches among a
    /// bounded candidate set — the newest articles of each of its tags (so a tag on half the site costs no more than
    /// a rare one) and the newest of its section — ordered by most shared tags, same section, closest title
    /// (pg_trgm), newest, then id: deterministic, never itself, never anything unpublished.
    /// The title similarity, the costly part, is computed only for candidates whose (shared tags, same section) tier
    /// starts within the first places: no other can reach the list.
    /// </summary>
    private static string NeighboursSql(Navigation navigation)
    {
        var around = navigation == Navigation.Section ? "AND a.section_id = me.section_id" : string.Empty;
        return $"""
            (SELECT 'p' AS kind, a.id, 0 AS position FROM articles a
             WHERE {ArticleVisibility.Sql} {around} AND (a.published_at, a.id) < (me.published_at, me.id)
             ORDER BY a.published_at DESC, a.id DESC LIMIT 1)
            UNION ALL
            (SELECT 'n', a.id, 0 FROM articles a
             WHERE {ArticleVisibility.Sql} {around} AND (a.published_at, a.id) > (me.published_at, me.id)
             ORDER BY a.published_at, a.id LIMIT 1)
            UNION ALL
            (SELECT 'r', p.related_article_id, p.position FROM article_related_picks p JOIN articles a ON a.id = p.related_article_id
             WHERE p.article_id = me.id AND {ArticleVisibility.Sql}
             ORDER BY p.position)
            UNION ALL
            (WITH tagged AS (
                 SELECT x.article_id AS id, count(*)::int AS shared
                 FROM unnest(me.tags) AS tag(id)
                 CROSS JOIN LATERAL (SELECT t.article_id FROM article_tags t WHERE t.tag_id = tag.id ORDER BY t.article_id DESC LIMIT {TagCandidates}) x
                 GROUP BY x.article_id
                 ORDER BY shared DESC, id DESC
                 LIMIT {TagCandidates}
             ), candidates AS (
                 SELECT id, max(shared) AS shared FROM (
                     SELECT id, shared FROM tagged
                     UNION ALL
                     (SELECT a.id, 0 FROM articles a WHERE a.section_id = me.section_id AND {ArticleVisibility.Sql} ORDER BY a.published_at DESC, a.id DESC LIMIT {SectionCandidates})
                 ) u GROUP BY id
             )
             SELECT 'c', r.id, (100 + row_number() OVER (ORDER BY r.shared DESC, r.same_section DESC, similarity(r.title, me.title) DESC, r.published_at DESC, r.id DESC))::int
             FROM (SELECT a.id, c.shared, a.section_id = me.section_id AS same_section, a.title, a.published_at,
                          rank() OVER (ORDER BY c.shared DESC, a.section_id = me.section_id DESC) AS tier
                   FROM candidates c JOIN articles a ON a.id = c.id
                   WHERE a.id <> me.id AND {ArticleVisibility.Sql}) r
             WHERE r.tier <= {RelatedCount}
             ORDER BY 3 LIMIT {RelatedCount})
            """;
    }

    private IQueryable<Article> Filtered(PublicArticleFilter filter, DateTimeOffset now)
    {
        var query = db.Articles.AsNoTracking().PublicAt(now);
        if (filter.SectionId is { } section)
        {
            query = query.Where(a => a.SectionId == section);
        }

        if (filter.TagId is { } tag)
        {
            query = query.Where(a => db.Set<ArticleTag>().Any(t => t.ArticleId == a.Id && t.TagId == tag));
        }

        if (filter.AuthorId is { } author)
        {
            query = query.Where(a => db.Set<ArticleAuthor>().Any(x => x.ArticleId == a.Id && x.AuthorId == author));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.PublishedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.PublishedAt <= to);
        }

        return query;
    }
}
