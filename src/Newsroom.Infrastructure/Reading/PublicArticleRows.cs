using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Readers' teasers and article pages, read in one round trip as one row per article: the section by join, tags
/// and bylines from the arrays kept for it in article_teaser_refs (no link tables, no name lookups), and only the
/// columns readers see. A teaser never touches the body, its HTML or its plain text, which are the bulk of a row.
/// Every query repeats the visibility rule, so an article withdrawn since its id was chosen is simply left out.
/// </summary>
internal sealed class PublicArticleRows(NewsroomDbContext db)
{
    // Tags and bylines: slug, name, slug, name… in the editor's order, kept by triggers (migration TeaserRefs).
    private const string TeaserColumns = """
        a.id, a.slug, a.title, a.standfirst, s.slug, s.name, coalesce(r.tag_refs, '{}'), coalesce(r.author_refs, '{}'),
        a.published_at, a.updated_at, a.reading_time_minutes, a.cover_image::text
        """;

    private const string PageColumns = $"""
        {TeaserColumns},
        a.body_html, a.sources::text, a.section_id,
        ARRAY(SELECT t.tag_id FROM article_tags t WHERE t.article_id = a.id)
        """;

    /// <summary>The public teasers of these articles, keyed by id; ids not (or no longer) public are absent.</summary>
    public async Task<Dictionary<Guid, PublicArticleSummary>> TeasersAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var teasers = new Dictionary<Guid, PublicArticleSummary>(ids.Count);
        if (ids.Count == 0)
        {
            return teasers;
        }

        await using var command = await CommandAsync($"""
            SELECT {TeaserColumns}
            FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN article_teaser_refs r ON r.article_id = a.id
            WHERE a.id = ANY(@ids) AND {ArticleVisibility.Sql}
            """, now, cancellationToken);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var teaser = Teaser(reader);
            teasers[teaser.Id] = teaser;
        }

        return teasers;
    }

    /// <summary>The public article with this exact slug, with what the page needs to find its neighbours.</summary>
    public async Task<PublicPageRow?> PageBySlugAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync($"""
            SELECT {PageColumns}
            FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN article_teaser_refs r ON r.article_id = a.id
            WHERE a.slug = @slug AND {ArticleVisibility.Sql}
            """, now, cancellationToken);
        command.Parameters.AddWithValue("slug", slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Page(reader) : null;
    }

    /// <summary>Public articles with their bodies (for feeds), in the order of <paramref name="ids"/>.</summary>
    public async Task<List<PublicArticleResponse>> PagesAsync(IReadOnlyList<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var command = await CommandAsync($"""
            SELECT {PageColumns}
            FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN article_teaser_refs r ON r.article_id = a.id
            WHERE a.id = ANY(@ids) AND {ArticleVisibility.Sql}
            """, now, cancellationToken);
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

    private async Task<NpgsqlCommand> CommandAsync(string sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        return command;
    }

    private static PublicArticleSummary Teaser(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
        new PublicSectionRef(reader.GetString(4), reader.GetString(5)),
        Pairs(reader.GetFieldValue<string[]>(6), (slug, name) => new PublicTagRef(slug, name)),
        Pairs(reader.GetFieldValue<string[]>(7), (slug, name) => new PublicAuthorRef(slug, name)),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetInt32(10),
        reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<CoverImage>(reader.GetString(11)));

    private static List<T> Pairs<T>(string[] flat, Func<string, string, T> pair)
    {
        var list = new List<T>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            list.Add(pair(flat[i], flat[i + 1]));
        }

        return list;
    }

    private static PublicPageRow Page(NpgsqlDataReader reader) => new(
        Teaser(reader),
        reader.GetString(12),
        reader.IsDBNull(13) ? [] : JsonSerializer.Deserialize<List<ArticleSource>>(reader.GetString(13)) ?? [],
        reader.GetGuid(14),
        reader.GetFieldValue<Guid[]>(15));
}

/// <summary>A public article as its page is built: the teaser, the body, and the keys its neighbours are found by.</summary>
internal sealed record PublicPageRow(PublicArticleSummary Summary, string BodyHtml, IReadOnlyList<ArticleSource> Sources, Guid SectionId, Guid[] TagIds)
{
    /// <summary>A public article always has its publication instant.</summary>
    public DateTimeOffset PublishedAt => Summary.PublishedAt!.Value;

    public PublicArticleResponse Response(IReadOnlyList<PublicArticleSummary> related, PublicArticleSummary? previous, PublicArticleSummary? next) =>
        new(Summary.Id, Summary.Slug, Summary.Title, Summary.Standfirst, Summary.Section, Summary.Tags, Summary.Authors,
            Summary.PublishedAt, Summary.UpdatedAt, Summary.ReadingTimeMinutes, Summary.CoverImage, BodyHtml, Sources, related, previous, next);
}
