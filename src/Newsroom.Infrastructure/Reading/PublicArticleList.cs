using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// A page of a readers' list, on a connection of the readers' pool. Lists are keyset pages on (published_at, id),
/// served by a partial index of public articles.
/// </summary>
internal sealed class PublicArticleList(PublicReadsDataSource source, PublicFilterResolver filters)
{
    /// <summary>
    /// The section's slug is looked up in the same statement, in a one-row derived table the page is joined to, so an
    /// empty page still says whether it exists. A tag or an author is resolved first: the planner must see its id to
    /// choose between walking the newest articles (a common tag) and reading the tag's few links (a rare one). The
    /// page's keys come from the public-order indexes (keyset on published_at, id), then the teasers of those keys
    /// only. The LIMIT is written into the statement: as a parameter the planner would guess a tenth of the table,
    /// find the cached generic plan too dear, and plan each execution anew. The visibility rule is repeated on every
    /// row, so an article withdrawn since its id was chosen is simply left out.
    /// </summary>
    public async Task<PublicListPage> ReadAsync(PublicFilterSlugs slugs, DateTimeOffset? from, DateTimeOffset? to, KeysetCursor? after, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var filter = new PublicArticleFilter(From: from, To: to);
        if (slugs.Tag is not null || slugs.Author is not null)
        {
            var targets = await filters.ResolveAsync(slugs, now, cancellationToken);
            if (targets.Unknown is not null)
            {
                return new PublicListPage(new CursorPage<PublicArticleSummary>([], null), targets.Unknown);
            }

            filter = filter with { TagId = targets.Tag?.Id, AuthorId = targets.Author?.Id };
        }

        var filterSql = PublicFilterSql.Of(filter, sectionId: slugs.Section is null ? null : "f.section_id");
        var keyset = after is null ? string.Empty : " AND (a.published_at, a.id) < (@after_at, @after_id)";
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT p.*, f.section_id IS NOT NULL AS section_found
            FROM (SELECT {(slugs.Section is null ? "NULL::uuid" : "(SELECT id FROM sections WHERE slug = @section)")} AS section_id) f
            LEFT JOIN LATERAL (
                SELECT {PublicArticleReader.TeaserColumns}
                FROM (SELECT a.id FROM articles a WHERE {ArticleVisibility.Sql}{filterSql.AndConditions}{keyset}
                      ORDER BY a.published_at DESC, a.id DESC LIMIT {limit + 1}) k
                JOIN articles a ON a.id = k.id {PublicArticleReader.TeaserJoins}
            ) p ON true
            ORDER BY p.published_at DESC, p.id DESC
            """, connection);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        if (slugs.Section is { } section)
        {
            command.Parameters.AddWithValue("section", section);
        }

        filterSql.AddParametersTo(command.Parameters);
        if (after is { } cursor)
        {
            command.Parameters.AddWithValue("after_at", cursor.Instant.ToUniversalTime());
            command.Parameters.AddWithValue("after_id", cursor.Id);
        }

        var teasers = new List<PublicArticleSummary>(limit + 1);
        var sectionExists = true;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var articles = new PublicArticleReader(reader);
            var sectionFound = reader.GetOrdinal("section_found");
            while (await reader.ReadAsync(cancellationToken))
            {
                sectionExists = reader.GetBoolean(sectionFound) || slugs.Section is null;
                if (articles.HasArticle)
                {
                    teasers.Add(articles.Teaser());
                }
            }
        }

        var page = teasers.Take(limit).ToList();
        var next = teasers.Count > limit ? new KeysetCursor(page[^1].PublishedAt!.Value, page[^1].Id).Encode() : null;
        return new PublicListPage(new CursorPage<PublicArticleSummary>(page, next), sectionExists ? null : "section");
    }
}
