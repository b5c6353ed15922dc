using System.Text.Json;
using Newsroom.Application.Articles;
using Newsroom.Domain.Articles;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Teasers and article pages read by column name from a result set that selects <see cref="TeaserColumns"/> (and
/// <see cref="PageColumns"/> for pages): each column's ordinal is looked up once, when the result set opens, so a
/// statement may put other columns before or after them.
/// </summary>
internal sealed class PublicArticleReader
{
    /// <summary>
    /// The columns of a teaser, on articles <c>a</c> with <see cref="TeaserJoins"/>. Tags and bylines: slug, name,
    /// slug, name… in the editor's order, kept by triggers in article_teaser_refs (no link tables, no name lookups).
    /// A teaser never touches the body, its HTML or its plain text, which are the bulk of a row.
    /// </summary>
    public const string TeaserColumns = """
        a.id, a.slug, a.title, a.standfirst, s.slug AS section_slug, s.name AS section_name,
        coalesce(r.tag_refs, '{}') AS tag_refs, coalesce(r.author_refs, '{}') AS author_refs,
        a.published_at, a.updated_at, a.reading_time_minutes, a.cover_image::text AS cover_image
        """;

    public const string TeaserJoins = "JOIN sections s ON s.id = a.section_id LEFT JOIN article_teaser_refs r ON r.article_id = a.id";

    /// <summary>The teaser's columns and what the page adds to them.</summary>
    public const string PageColumns = $"{TeaserColumns}, a.body_html, a.sources::text AS sources";

    private readonly NpgsqlDataReader _reader;
    private readonly int _id, _slug, _title, _standfirst, _sectionSlug, _sectionName, _tagRefs, _authorRefs, _publishedAt, _updatedAt, _readingTime, _coverImage;
    private readonly int _bodyHtml = -1, _sources = -1;

    public PublicArticleReader(NpgsqlDataReader reader, bool pages = false)
    {
        _reader = reader;
        (_id, _slug, _title, _standfirst) = (reader.GetOrdinal("id"), reader.GetOrdinal("slug"), reader.GetOrdinal("title"), reader.GetOrdinal("standfirst"));
        (_sectionSlug, _sectionName) = (reader.GetOrdinal("section_slug"), reader.GetOrdinal("section_name"));
        (_tagRefs, _authorRefs) = (reader.GetOrdinal("tag_refs"), reader.GetOrdinal("author_refs"));
        (_publishedAt, _updatedAt) = (reader.GetOrdinal("published_at"), reader.GetOrdinal("updated_at"));
        (_readingTime, _coverImage) = (reader.GetOrdinal("reading_time_minutes"), reader.GetOrdinal("cover_image"));
        if (pages)
        {
            (_bodyHtml, _sources) = (reader.GetOrdinal("body_html"), reader.GetOrdinal("sources"));
        }
    }

    /// <summary>Whether the current row holds an article (a list's row may hold only the statement's other columns).</summary>
    public bool HasArticle => !_reader.IsDBNull(_id);

    public PublicArticleSummary Teaser() => new(
        _reader.GetGuid(_id), _reader.GetString(_slug), _reader.GetString(_title), _reader.GetString(_standfirst),
        new PublicSectionRef(_reader.GetString(_sectionSlug), _reader.GetString(_sectionName)),
        Pairs(_reader.GetFieldValue<string[]>(_tagRefs), (slug, name) => new PublicTagRef(slug, name)),
        Pairs(_reader.GetFieldValue<string[]>(_authorRefs), (slug, name) => new PublicAuthorRef(slug, name)),
        _reader.IsDBNull(_publishedAt) ? null : _reader.GetFieldValue<DateTimeOffset>(_publishedAt),
        _reader.GetFieldValue<DateTimeOffset>(_updatedAt),
        _reader.GetInt32(_readingTime),
        _reader.IsDBNull(_coverImage) ? null : JsonSerializer.Deserialize<CoverImage>(_reader.GetString(_coverImage)));

    /// <summary>The page of the current row, without related articles or navigation (a caller that has them adds them with <c>with</c>).</summary>
    public PublicArticleResponse Page() => PublicArticleResponse.Of(Teaser(), _reader.GetString(_bodyHtml), Sources(), [], null, null);

    private IReadOnlyList<ArticleSource> Sources() =>
        _reader.IsDBNull(_sources) ? [] : JsonSerializer.Deserialize<List<ArticleSource>>(_reader.GetString(_sources)) ?? [];

    private static List<T> Pairs<T>(string[] flat, Func<string, string, T> pair)
    {
        var list = new List<T>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            list.Add(pair(flat[i], flat[i + 1]));
        }

        return list;
    }
}
