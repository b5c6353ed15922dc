using Newsroom.Application.Articles;
using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Public articles read as rows without their page's surroundings: teasers by id (search's hits) and the latest pages
/// with their bodies (feeds). Every query repeats the visibility rule, so an article withdrawn since its id was
/// chosen is simply left out.
/// </summary>
internal sealed class PublicArticleRows(PublicReadsDataSource source)
{
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

        await using var command = new NpgsqlCommand($"""
            SELECT {PublicArticleReader.TeaserColumns}
            FROM articles a {PublicArticleReader.TeaserJoins}
            WHERE a.id = ANY(@ids) AND {ArticleVisibility.Sql}
            """, connection);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new PublicArticleReader(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            var teaser = articles.Teaser();
            teasers[teaser.Id] = teaser;
        }

        return teasers;
    }

    /// <summary>The latest public articles of the filter with their bodies, newest first, in one round trip on the readers' pool.</summary>
    public async Task<List<PublicArticleResponse>> LatestPagesAsync(PublicArticleFilter filter, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var filterSql = PublicFilterSql.Of(filter);
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {PublicArticleReader.PageColumns}
            FROM (SELECT a.id FROM articles a WHERE {ArticleVisibility.Sql}{filterSql.AndConditions}
                  ORDER BY a.published_at DESC, a.id DESC LIMIT {limit}) k
            JOIN articles a ON a.id = k.id {PublicArticleReader.TeaserJoins}
            ORDER BY a.published_at DESC, a.id DESC
            """, connection);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        filterSql.AddParametersTo(command.Parameters);
        var pages = new List<PublicArticleResponse>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var articles = new PublicArticleReader(reader, pages: true);
        while (await reader.ReadAsync(cancellationToken))
        {
            pages.Add(articles.Page());
        }

        return pages;
    }
}
