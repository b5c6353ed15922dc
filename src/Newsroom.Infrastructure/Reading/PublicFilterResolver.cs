using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// The section, tag and author slugs of a filter resolved in one statement on the readers' pool, for lists, search and
/// feeds. A tag or an author is found only through an article public at <c>now</c>: one only drafts use, or an
/// author with no public article, is unknown to readers, so that a 404 never tells it apart from one that does not
/// exist. Sections are the site's navigation, listed publicly even when empty, so an empty one is found. LATERAL ...
/// LIMIT 1 stops at the first public article (an EXISTS was planned as a bitmap over all of a prolific author's
/// bylines: +0.4 ms a list).
/// </summary>
internal sealed class PublicFilterResolver(PublicReadsDataSource source)
{
    private static readonly PublicFilterTargets Nothing = new(null, null, null, null);

    public async Task<PublicFilterTargets> ResolveAsync(PublicFilterSlugs slugs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (slugs is { Section: null, Tag: null, Author: null })
        {
            return Nothing;
        }

        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT s.id AS section_id, s.name AS section_name, t.id AS tag_id, t.name AS tag_name, au.id AS author_id, au.name AS author_name
            FROM (VALUES (1)) one (row)
            LEFT JOIN sections s ON s.slug = @section
            LEFT JOIN LATERAL (
                SELECT t.id, t.name FROM tags t
                CROSS JOIN LATERAL (SELECT 1 FROM article_tags x JOIN articles a ON a.id = x.article_id WHERE x.tag_id = t.id AND {ArticleVisibility.Sql} LIMIT 1) seen
                WHERE t.slug = @tag
            ) t ON true
            LEFT JOIN LATERAL (
                SELECT au.id, au.name FROM authors au
                CROSS JOIN LATERAL (SELECT 1 FROM article_authors x JOIN articles a ON a.id = x.article_id WHERE x.author_id = au.id AND {ArticleVisibility.Sql} LIMIT 1) seen
                WHERE au.slug = @author
            ) au ON true
            """, connection);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter<string?>("section", NpgsqlDbType.Text) { TypedValue = slugs.Section });
        command.Parameters.Add(new NpgsqlParameter<string?>("tag", NpgsqlDbType.Text) { TypedValue = slugs.Tag });
        command.Parameters.Add(new NpgsqlParameter<string?>("author", NpgsqlDbType.Text) { TypedValue = slugs.Author });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        PublicFilterTarget? Target(string column) =>
            reader.IsDBNull(reader.GetOrdinal($"{column}_id")) ? null
                : new PublicFilterTarget(reader.GetGuid(reader.GetOrdinal($"{column}_id")), reader.GetString(reader.GetOrdinal($"{column}_name")));
        var (section, tag, author) = (Target("section"), Target("tag"), Target("author"));
        var unknown = slugs.Section is not null && section is null ? "section"
            : slugs.Tag is not null && tag is null ? "tag"
            : slugs.Author is not null && author is null ? "author"
            : null;
        return new PublicFilterTargets(section, tag, author, unknown);
    }
}
