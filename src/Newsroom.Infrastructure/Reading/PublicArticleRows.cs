using System.Text.Json;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Reading;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Readers' teasers and article pages, read in one round trip as one row per article: the section by join, tags
/// and bylines from the arrays kept for it in article_teaser_refs (no link tables, no name lookups), and only the
/// columns readers see. A teaser never touches the body, its HTML or its plain text, which are the bulk of a row.
/// Every query repeats the visibility rule, so an article withdrawn since its id was chosen is simply left out.
/// Each query borrows a connection of the readers' pool for its round trip only.
/// </summary>
internal sealed class PublicArticleRows(PublicReadsDataSource source)
{
    // Tags and bylines: slug, name, slug, name… in the editor's order, kept by triggers (migration TeaserRefs).
    private const string TeaserColumns = """
        a.id, a.slug, a.title, a.standfirst, s.slug, s.name, coalesce(r.tag_refs, '{}'), coalesce(r.author_refs, '{}'),
        a.published_at, a.updated_at, a.reading_time_minutes, a.cover_image::text
        """;

    private const int TeaserColumnCount = 12;

    private const string TeaserJoins = "JOIN sections s ON s.id = a.section_id LEFT JOIN article_teaser_refs r ON r.article_id = a.id";

    private const string PageColumns = $"{TeaserColumns}, a.body_html, a.sources::text";

    /// <summary>
    /// The public teasers of these articles, keyed by id; ids not (or no longer) public are absent. Read on the
    /// caller's connection, in its transaction if it has one (search reads its hits and their teasers in one snapshot).
    /// </summary>
    public static async Task<Dictionary<Guid, PublicArticleSummary>> TeasersAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var teasers = new Dictionary<Guid, PublicArticleSummary>(ids.Count);
        if (ids.Count == 0)
        {
            return teasers;
        }

        await using var command = Command(connection, $"""
            SELECT {TeaserColumns}
            FROM articles a {TeaserJoins}
            WHERE a.id = ANY(@ids) AND {ArticleVisibility.Sql}
            """, now);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var teaser = Teaser(reader);
            teasers[teaser.Id] = teaser;
        }

        return teasers;
    }

    /// <summary>
    /// A page of a list. The section's slug is looked up in the same statement, in a one-row derived table the page
    /// is joined to, so an empty page still says whether it exists. A tag or an author is looked up first: the
    /// planner must see its id to choose between walking the newest articles (a common tag) and reading the tag's
    /// few links (a rare one). The page's keys come from the public-order indexes (keyset on published_at, id),
    /// then the teasers of those keys only. The LIMIT is written into the statement: as a parameter the planner
    /// would guess a tenth of the table, find the cached generic plan too dear, and plan each execution anew.
    /// </summary>
    public async Task<PublicListPage> ListAsync(PublicListFilter filter, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Guid? tagId = null, authorId = null;
        if (filter.Tag is not null || filter.Author is not null)
        {
            var (sectionFound, tag, author) = await FilterIdsAsync(filter, now, cancellationToken);
            var unknown = !sectionFound ? "section" : filter.Tag is not null && tag is null ? "tag" : filter.Author is not null && author is null ? "author" : null;
            if (unknown is not null)
            {
                return new PublicListPage(new CursorPage<PublicArticleSummary>([], null), unknown);
            }

            (tagId, authorId) = (tag, author);
        }

        var conditions = new List<string> { ArticleVisibility.Sql };
        conditions.AddRange(ReaderFilterSql.Conditions("a", "a.id", filter.Section is null ? null : "f.section_id",
            tagId is not null, authorId is not null, filter.From is not null, filter.To is not null));
        if (after is not null)
        {
            conditions.Add("(a.published_at, a.id) < (@after_at, @after_id)");
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT p.*, f.section_id IS NOT NULL
            FROM (SELECT {(filter.Section is null ? "NULL::uuid" : "(SELECT id FROM sections WHERE slug = @section)")} AS section_id) f
            LEFT JOIN LATERAL (
                SELECT {TeaserColumns}
                FROM (SELECT a.id FROM articles a WHERE {string.Join(" AND ", conditions)}
                      ORDER BY a.published_at DESC, a.id DESC LIMIT {limit + 1}) k
                JOIN articles a ON a.id = k.id {TeaserJoins}
            ) p ON true
            ORDER BY p.published_at DESC, p.id DESC
            """, now);
        AddIfGiven(command, "section", filter.Section);
        AddIfGiven(command, "tag", tagId);
        AddIfGiven(command, "author", authorId);
        AddIfGiven(command, "from", filter.From?.ToUniversalTime());
        AddIfGiven(command, "to", filter.To?.ToUniversalTime());
        AddIfGiven(command, "after_at", after?.Instant.ToUniversalTime());
        AddIfGiven(command, "after_id", after?.Id);

        var teasers = new List<PublicArticleSummary>(limit + 1);
        var sectionExists = true;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sectionExists = reader.GetBoolean(TeaserColumnCount) || filter.Section is null;
                if (!reader.IsDBNull(0))
                {
                    teasers.Add(Teaser(reader));
                }
            }
        }

        var page = teasers.Take(limit).ToList();
        var next = teasers.Count > limit ? new KeysetCursor(page[^1].PublishedAt!.Value, page[^1].Id).Encode() : null;
        return new PublicListPage(new CursorPage<PublicArticleSummary>(page, next), sectionExists ? null : "section");
    }

    /// <summary>
    /// Whether the section exists, and the ids of the tag and the author, each only when it has an article public at
    /// <paramref name="now"/>: a tag only drafts use, or an author with no public article, is unknown to readers,
    /// so that a 404 never tells it apart from a tag or author that does not exist. Sections are the site's
    /// navigation, listed publicly even when empty, so an empty one is found. LATERAL ... LIMIT 1 stops at the first
    /// public article (an EXISTS was planned as a bitmap over all of a prolific author's bylines: +0.4 ms a list).
    /// </summary>
    private async Task<(bool SectionFound, Guid? TagId, Guid? AuthorId)> FilterIdsAsync(PublicListFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT @section IS NULL OR EXISTS (SELECT 1 FROM sections WHERE slug = @section),
                   (SELECT t.id FROM tags t
                    CROSS JOIN LATERAL (SELECT 1 FROM article_tags x JOIN articles a ON a.id = x.article_id WHERE x.tag_id = t.id AND {ArticleVisibility.Sql} LIMIT 1) seen
                    WHERE t.slug = @tag),
                   (SELECT au.id FROM authors au
                    CROSS JOIN LATERAL (SELECT 1 FROM article_authors x JOIN articles a ON a.id = x.article_id WHERE x.author_id = au.id AND {ArticleVisibility.Sql} LIMIT 1) seen
                    WHERE au.slug = @author)
            """, now);
        command.Parameters.Add(new NpgsqlParameter<string?>("section", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = filter.Section });
        command.Parameters.Add(new NpgsqlParameter<string?>("tag", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = filter.Tag });
        command.Parameters.Add(new NpgsqlParameter<string?>("author", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = filter.Author });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2));
    }

    private static void AddIfGiven<T>(NpgsqlCommand command, string name, T? value)
    {
        if (value is not null)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>
    /// The article page in one round trip: the public article with this exact slug (<c>me</c>), the rows (kind, id,
    /// position) that <paramref name="linkedSql"/> picks for it — previous 'p', next 'n', related — and the teasers
    /// of those, each row tagged with its kind. Null when no public article has the slug.
    /// </summary>
    public async Task<PublicArticleResponse?> ArticlePageAsync(string slug, string linkedSql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            WITH me AS MATERIALIZED (
                SELECT a.id, a.published_at, a.section_id, a.title, ARRAY(SELECT t.tag_id FROM article_tags t WHERE t.article_id = a.id) AS tags
                FROM articles a
                WHERE a.slug = @slug AND {ArticleVisibility.Sql}
            ), linked AS (
                SELECT l.* FROM me, LATERAL ({linkedSql}) l
            )
            SELECT 'a', 0, {PageColumns}
            FROM me JOIN articles a ON a.id = me.id {TeaserJoins}
            UNION ALL
            SELECT l.kind, l.position, {TeaserColumns}, NULL, NULL
            FROM linked l JOIN articles a ON a.id = l.id {TeaserJoins}
            """, now);
        command.Parameters.AddWithValue("slug", slug);
        PublicPageRow? page = null;
        PublicArticleSummary? previous = null, next = null;
        var related = new List<(int Position, PublicArticleSummary Teaser)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetString(0))
                {
                    case "a": page = Page(reader, 2); break;
                    case "p": previous = Teaser(reader, 2); break;
                    case "n": next = Teaser(reader, 2); break;
                    default: related.Add((reader.GetInt32(1), Teaser(reader, 2))); break;
                }
            }
        }

        return page?.Response(
            related.OrderBy(r => r.Position).Select(r => r.Teaser).Where(t => t.Id != page.Summary.Id).DistinctBy(t => t.Id).Take(ReaderQueries.RelatedCount).ToList(),
            previous, next);
    }

    /// <summary>Public articles with their bodies (for feeds), in the order of <paramref name="ids"/>.</summary>
    public async Task<List<PublicArticleResponse>> PagesAsync(IReadOnlyList<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT {PageColumns}
            FROM articles a {TeaserJoins}
            WHERE a.id = ANY(@ids) AND {ArticleVisibility.Sql}
            """, now);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var pages = new Dictionary<Guid, PublicArticleResponse>(ids.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var page = Page(reader).Response([], null, null);
                pages[page.Id] = page;
            }
        }

        return ids.Where(pages.ContainsKey).Select(id => pages[id]).ToList();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, DateTimeOffset? now)
    {
        var command = new NpgsqlCommand(sql, connection);
        if (now is { } instant)
        {
            command.Parameters.AddWithValue("now", instant.ToUniversalTime());
        }

        return command;
    }

    /// <summary>A teaser from the <see cref="TeaserColumns"/> starting at column <paramref name="first"/>.</summary>
    private static PublicArticleSummary Teaser(NpgsqlDataReader reader, int first = 0) => new(
        reader.GetGuid(first), reader.GetString(first + 1), reader.GetString(first + 2), reader.GetString(first + 3),
        new PublicSectionRef(reader.GetString(first + 4), reader.GetString(first + 5)),
        Pairs(reader.GetFieldValue<string[]>(first + 6), (slug, name) => new PublicTagRef(slug, name)),
        Pairs(reader.GetFieldValue<string[]>(first + 7), (slug, name) => new PublicAuthorRef(slug, name)),
        reader.IsDBNull(first + 8) ? null : reader.GetFieldValue<DateTimeOffset>(first + 8),
        reader.GetFieldValue<DateTimeOffset>(first + 9),
        reader.GetInt32(first + 10),
        reader.IsDBNull(first + 11) ? null : JsonSerializer.Deserialize<CoverImage>(reader.GetString(first + 11)));

    private static List<T> Pairs<T>(string[] flat, Func<string, string, T> pair)
    {
        var list = new List<T>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            list.Add(pair(flat[i], flat[i + 1]));
        }

        return list;
    }

    private static PublicPageRow Page(NpgsqlDataReader reader, int first = 0) => new(
        Teaser(reader, first),
        reader.GetString(first + TeaserColumnCount),
        reader.IsDBNull(first + TeaserColumnCount + 1) ? [] : JsonSerializer.Deserialize<List<ArticleSource>>(reader.GetString(first + TeaserColumnCount + 1)) ?? []);
}

/// <summary>A public article as its page is built: the teaser, the body and the sources.</summary>
internal sealed record PublicPageRow(PublicArticleSummary Summary, string BodyHtml, IReadOnlyList<ArticleSource> Sources)
{
    public PublicArticleResponse Response(IReadOnlyList<PublicArticleSummary> related, PublicArticleSummary? previous, PublicArticleSummary? next) =>
        new(Summary.Id, Summary.Slug, Summary.Title, Summary.Standfirst, Summary.Section, Summary.Tags, Summary.Authors,
            Summary.PublishedAt, Summary.UpdatedAt, Summary.ReadingTimeMinutes, Summary.CoverImage, BodyHtml, Sources, related, previous, next);
}
