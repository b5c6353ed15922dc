using Newsroom.Application.Articles;
using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// The article page in one round trip, on a connection of the readers' pool: the public article with this exact slug
/// (<c>me</c>), the rows (kind, id, position) of its previous 'p' and next 'n' articles and of "À lire également"
/// ('r' picked, 'c' computed), and the teasers of those, each row tagged with its kind. Every part repeats the
/// visibility rule, so nothing unpublished reaches the page.
/// </summary>
internal sealed class PublicArticlePage(PublicReadsDataSource source)
{
    public const int RelatedCount = 6;

    /// <summary>Newest articles of each of the article's tags that may be related.</summary>
    private const int TagCandidates = 40;

    /// <summary>Newest articles of its section that may be related.</summary>
    private const int SectionCandidates = 20;

    /// <summary>Null when no public article has the slug.</summary>
    public async Task<PublicArticleResponse?> ReadAsync(string slug, Navigation navigation, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH me AS MATERIALIZED (
                SELECT a.id, a.published_at, a.section_id, a.title, ARRAY(SELECT t.tag_id FROM article_tags t WHERE t.article_id = a.id) AS tags
                FROM articles a
                WHERE a.slug = @slug AND {ArticleVisibility.Sql}
            ), linked AS (
                SELECT l.* FROM me, LATERAL ({LinkedSql(navigation)}) l
            )
            SELECT 'a' AS kind, 0 AS position, {PublicArticleReader.PageColumns}
            FROM me JOIN articles a ON a.id = me.id {PublicArticleReader.TeaserJoins}
            UNION ALL
            SELECT l.kind, l.position, {PublicArticleReader.TeaserColumns}, NULL, NULL
            FROM linked l JOIN articles a ON a.id = l.id {PublicArticleReader.TeaserJoins}
            """, connection);
        command.Parameters.AddWithValue("slug", slug);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        PublicArticleResponse? page = null;
        PublicArticleSummary? previous = null, next = null;
        var related = new List<(int Position, PublicArticleSummary Teaser)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var articles = new PublicArticleReader(reader, pages: true);
            var (kind, position) = (reader.GetOrdinal("kind"), reader.GetOrdinal("position"));
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetString(kind))
                {
                    case "a": page = articles.Page(); break;
                    case "p": previous = articles.Teaser(); break;
                    case "n": next = articles.Teaser(); break;
                    default: related.Add((reader.GetInt32(position), articles.Teaser())); break;
                }
            }
        }

        if (page is null)
        {
            return null;
        }

        var id = page.Id;
        return page with
        {
            Related = related.OrderBy(r => r.Position).Select(r => r.Teaser).Where(t => t.Id != id).DistinctBy(t => t.Id).Take(RelatedCount).ToList(),
            Previous = previous,
            Next = next,
        };
    }

    /// <summary>
    /// Previous ('p'), next ('n') and "À lire également" ('r' picked, 'c' computed) of the article <c>me</c> (id,
    /// published_at, section_id, title, tags), as rows (kind, id, position); <paramref name="navigation"/> says which
    /// articles previous and next are chosen among. Related: the editors' picks in their order, then the best computed
    /// matches among a bounded candidate set — the newest articles of each of its tags (so a tag on half the site costs
    /// no more than a rare one) and the newest of its section — ordered by most shared tags, same section, closest
    /// title (pg_trgm), newest, then id: deterministic, never itself, never anything unpublished.
    /// The title similarity, the costly part, is computed only for candidates whose (shared tags, same section) tier
    /// starts within the first places: no other can reach the list.
    /// </summary>
    private static string LinkedSql(Navigation navigation)
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
}
