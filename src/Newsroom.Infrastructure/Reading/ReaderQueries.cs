using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Reading;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Repositories;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Readers' queries. Every one starts from <see cref="ArticleVisibility.PublicAt"/>, so a draft, scheduled,
/// withdrawn or future article can't reach a list, a count, a related list or a navigation link.
/// Lists are keyset pages on (published_at, id), served by a partial index of public articles.
/// </summary>
internal sealed class ReaderQueries(NewsroomDbContext db) : IReaderQueries
{
    public const int RelatedCount = 6;

    public Task<Guid?> SectionIdAsync(string slug, CancellationToken cancellationToken) =>
        db.Sections.Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> TagIdAsync(string slug, CancellationToken cancellationToken) =>
        db.Tags.Where(t => t.Slug == slug).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<Guid?> AuthorIdAsync(string slug, CancellationToken cancellationToken) =>
        db.Authors.Where(a => a.Slug == slug).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task<CursorPage<PublicArticleSummary>> ListAsync(PublicArticleFilter filter, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = Filtered(filter, now);
        if (after is { } cursor)
        {
            query = query.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.PublishedAt, a.Id), ValueTuple.Create((DateTimeOffset?)cursor.Instant, cursor.Id)));
        }

        var page = await Materialise(query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(limit + 1), cancellationToken);
        var hasMore = page.Count > limit;
        page = page.Take(limit).ToList();
        var names = await ArticleNames.LoadAsync(db, page, cancellationToken);
        return new CursorPage<PublicArticleSummary>(
            page.Select(names.Summary).ToList(),
            hasMore ? new KeysetCursor(page[^1].PublishedAt!.Value, page[^1].Id).Encode() : null);
    }

    public async Task<PublicArticleResponse?> GetBySlugAsync(string slug, Navigation navigation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var article = (await Materialise(db.Articles.AsNoTracking().PublicAt(now).Where(a => a.Slug == slug), cancellationToken)).FirstOrDefault();
        if (article is null)
        {
            return null;
        }

        var around = db.Articles.AsNoTracking().PublicAt(now).Where(a => a.Id != article.Id);
        if (navigation == Navigation.Section)
        {
            around = around.Where(a => a.SectionId == article.SectionId);
        }

        // Ids first (index-only lookups), then every teaser of the page in one batch: a cache miss costs a dozen
        // round trips rather than three per neighbour.
        var (at, id) = (article.PublishedAt, article.Id);
        var previousId = await around.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.PublishedAt, a.Id), ValueTuple.Create(at, id)))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var nextId = await around.Where(a => EF.Functions.GreaterThan(ValueTuple.Create(a.PublishedAt, a.Id), ValueTuple.Create(at, id)))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        var relatedIds = await RelatedIdsAsync(article, now, cancellationToken);

        var wanted = relatedIds.Concat(new[] { previousId, nextId }.OfType<Guid>()).Distinct().ToList();
        var teasers = wanted.Count == 0 ? [] : await Materialise(db.Articles.AsNoTracking().IgnoreAutoIncludes().Where(a => wanted.Contains(a.Id)), cancellationToken);
        var byId = teasers.ToDictionary(a => a.Id);
        var names = await ArticleNames.LoadAsync(db, [article, .. teasers], cancellationToken);
        return names.Page(article,
            relatedIds.Where(byId.ContainsKey).Select(r => names.Summary(byId[r])).ToList(),
            previousId is { } p && byId.TryGetValue(p, out var previous) ? names.Summary(previous) : null,
            nextId is { } n && byId.TryGetValue(n, out var next) ? names.Summary(next) : null);
    }

    public async Task<string?> CurrentSlugOfAsync(string oldSlug, DateTimeOffset now, CancellationToken cancellationToken) =>
        await (from history in db.ArticleSlugHistory
               join article in db.Articles.PublicAt(now) on history.ArticleId equals article.Id
               where history.Slug == oldSlug
               select article.Slug).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ArchiveMonth>> ArchivesAsync(TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<ArchiveMonth>($"""
            SELECT extract(year FROM published_at AT TIME ZONE {zone.Id})::int AS "Year",
                   extract(month FROM published_at AT TIME ZONE {zone.Id})::int AS "Month",
                   count(*)::int AS "Count"
            FROM articles
            WHERE status IN ('Published', 'Scheduled') AND published_at <= {now.ToUniversalTime()}
            GROUP BY 1, 2
            ORDER BY 1 DESC, 2 DESC
            """).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PublicArticleResponse>> LatestWithBodiesAsync(PublicArticleFilter filter, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var articles = await Materialise(Filtered(filter, now).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(limit), cancellationToken);
        var names = await ArticleNames.LoadAsync(db, articles, cancellationToken);
        return articles.Select(a => names.Page(a, [], null, null)).ToList();
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

    /// <summary>Loads the page's rows with their tag and byline links (two small extra queries), nothing else.</summary>
    private static Task<List<Article>> Materialise(IQueryable<Article> query, CancellationToken cancellationToken) =>
        query.Include(a => a.Tags).Include(a => a.Authors).AsSplitQuery().ToListAsync(cancellationToken);

    /// <summary>
    /// "À lire également": the editors' picks, then the best computed matches among a bounded candidate set (the newest
    /// articles sharing a tag, and the newest of the section): most shared tags, same section, closest title and
    /// standfirst (pg_trgm), newest, then id — deterministic, never itself, never anything unpublished.
    /// </summary>
    private async Task<List<Guid>> RelatedIdsAsync(Article article, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var utcNow = now.ToUniversalTime();
        var tagIds = article.Tags.Select(t => t.TagId).ToArray();
        var text = article.Title + " " + article.Standfirst;
        var picked = await db.Database.SqlQuery<Guid>($"""
            SELECT p.related_article_id AS "Value"
            FROM article_related_picks p JOIN articles a ON a.id = p.related_article_id
            WHERE p.article_id = {article.Id} AND a.status IN ('Published', 'Scheduled') AND a.published_at <= {utcNow}
            ORDER BY p.position
            """).ToListAsync(cancellationToken);
        var computed = await db.Database.SqlQuery<Guid>($"""
            WITH candidates AS (
                (SELECT t.article_id AS id FROM article_tags t WHERE t.tag_id = ANY({tagIds}) ORDER BY t.article_id DESC LIMIT 400)
                UNION
                (SELECT a.id FROM articles a
                 WHERE a.section_id = {article.SectionId} AND a.status IN ('Published', 'Scheduled') AND a.published_at <= {utcNow}
                 ORDER BY a.published_at DESC LIMIT 100)
            )
            SELECT a.id AS "Value"
            FROM articles a JOIN candidates c ON c.id = a.id
            WHERE a.id <> {article.Id} AND a.status IN ('Published', 'Scheduled') AND a.published_at <= {utcNow}
            ORDER BY (SELECT count(*) FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ANY({tagIds})) DESC,
                     (a.section_id = {article.SectionId}) DESC,
                     similarity(a.title || ' ' || a.standfirst, {text}) DESC,
                     a.published_at DESC, a.id DESC
            LIMIT {RelatedCount}
            """).ToListAsync(cancellationToken);
        return picked.Concat(computed).Where(id => id != article.Id).Distinct().Take(RelatedCount).ToList();
    }
}
