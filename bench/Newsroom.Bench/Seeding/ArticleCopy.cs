using Newsroom.Bench.Corpus;
using Npgsql;
using NpgsqlTypes;

namespace Newsroom.Bench.Seeding;

/// <summary>Binary COPY of a batch of articles and their links: the fastest way into PostgreSQL short of pg_restore.</summary>
internal static class ArticleCopy
{
    // Every column the application writes; xmin is the server's, and generated columns (a search tsvector, say)
    // are computed by PostgreSQL during the COPY, as they are for the application's INSERTs.
    private const string ArticleColumns =
        "id, title, slug, standfirst, body, body_html, body_text, word_count, reading_time_minutes, section_id, status, " +
        "publish_at, published_at, first_published_at, created_at, updated_at, created_by, revision_count, cover_image, sources";

    /// <summary>Columns and tables that only some versions of the schema have, so the seeder works on any branch of the repo.</summary>
    public sealed record OptionalColumns(bool SearchTags, bool TeaserRefs)
    {
        public static async Task<OptionalColumns> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
        {
            await using var command = db.CreateCommand("""
                SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'articles' AND column_name = 'search_tags'),
                       to_regclass('public.article_teaser_refs') IS NOT NULL
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new OptionalColumns(reader.GetBoolean(0), reader.GetBoolean(1));
        }
    }

    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<GeneratedArticle> batch, OptionalColumns optional, CancellationToken ct)
    {
        var columns = ArticleColumns + (optional.SearchTags ? ", search_tags" : "");
        await using (var articles = await connection.BeginBinaryImportAsync($"COPY articles ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch)
            {
                await articles.StartRowAsync(ct);
                await articles.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await articles.WriteAsync(a.Title, NpgsqlDbType.Varchar, ct);
                await articles.WriteAsync(a.Slug, NpgsqlDbType.Varchar, ct);
                await articles.WriteAsync(a.Standfirst, NpgsqlDbType.Varchar, ct);
                await articles.WriteAsync(a.Body, NpgsqlDbType.Text, ct);
                await articles.WriteAsync(a.Rendered.Html, NpgsqlDbType.Text, ct);
                await articles.WriteAsync(a.Rendered.Text, NpgsqlDbType.Text, ct);
                await articles.WriteAsync(a.Rendered.WordCount, NpgsqlDbType.Integer, ct);
                await articles.WriteAsync(a.Rendered.ReadingTimeMinutes, NpgsqlDbType.Integer, ct);
                await articles.WriteAsync(a.Section.Id, NpgsqlDbType.Uuid, ct);
                await articles.WriteAsync("Published", NpgsqlDbType.Varchar, ct);
                await articles.WriteNullAsync(ct);
                await articles.WriteAsync(a.PublishedAt, NpgsqlDbType.TimestampTz, ct);
                await articles.WriteAsync(a.PublishedAt, NpgsqlDbType.TimestampTz, ct);
                await articles.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await articles.WriteAsync(a.UpdatedAt, NpgsqlDbType.TimestampTz, ct);
                await articles.WriteAsync(ArticleFactory.CreatedBy, NpgsqlDbType.Uuid, ct);
                // No revision rows are seeded (see bench/README.md), so the count of revisions is 0 too.
                await articles.WriteAsync(0, NpgsqlDbType.Integer, ct);
                if (a.CoverImageJson is null)
                {
                    await articles.WriteNullAsync(ct);
                }
                else
                {
                    await articles.WriteAsync(a.CoverImageJson, NpgsqlDbType.Jsonb, ct);
                }

                await articles.WriteAsync(a.SourcesJson, NpgsqlDbType.Jsonb, ct);
                if (optional.SearchTags)
                {
                    await articles.WriteAsync(a.SearchTags, NpgsqlDbType.Varchar, ct);
                }
            }

            await articles.CompleteAsync(ct);
        }

        await using (var tags = await connection.BeginBinaryImportAsync("COPY article_tags (article_id, tag_id, position) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch)
            {
                for (var i = 0; i < a.Tags.Count; i++)
                {
                    await tags.WriteRowAsync(ct, a.Id, a.Tags[i].Id, i);
                }
            }

            await tags.CompleteAsync(ct);
        }

        await using (var authors = await connection.BeginBinaryImportAsync("COPY article_authors (article_id, author_id, position) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch)
            {
                for (var i = 0; i < a.Authors.Count; i++)
                {
                    await authors.WriteRowAsync(ct, a.Id, a.Authors[i].Id, i);
                }
            }

            await authors.CompleteAsync(ct);
        }

        if (optional.TeaserRefs)
        {
            // What the application's triggers on the link tables keep (Persistence/Sql/05_article_teaser_refs.sql):
            // slug, name, slug, name… of the tags, then of the bylines, in the editor's order.
            await using var refs = await connection.BeginBinaryImportAsync("COPY article_teaser_refs (article_id, tag_refs, author_refs) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var a in batch)
            {
                await refs.WriteRowAsync(ct, a.Id,
                    a.Tags.SelectMany(t => new[] { t.Slug, t.Name }).ToArray(),
                    a.Authors.SelectMany(x => new[] { x.Slug, x.Name }).ToArray());
            }

            await refs.CompleteAsync(ct);
        }

        await using (var slugs = await connection.BeginBinaryImportAsync("COPY bench.slugs (n, slug) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in batch)
            {
                await slugs.WriteRowAsync(ct, checked((int)a.Index + 1), a.Slug);
            }

            await slugs.CompleteAsync(ct);
        }
    }

    /// <summary>
    /// The batch's rows of article_search, as the application's trigger would write them (every seeded article is
    /// public). A document goes as tsvector's binary form, written as plain bytes: binary COPY hands each field to the
    /// column type's receive function whatever the client calls it, and NpgsqlTsVector can only be built by parsing
    /// text in Npgsql 10, sorting lexemes by culture, not in PostgreSQL's byte order.
    /// </summary>
    public static async Task WriteSearchDocumentsAsync(NpgsqlConnection connection, IReadOnlyList<GeneratedArticle> batch, IReadOnlyList<byte[]> documents, CancellationToken ct)
    {
        await using var search = await connection.BeginBinaryImportAsync(
            "COPY article_search (article_id, section_id, published_at, document) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < batch.Count; i++)
        {
            await search.StartRowAsync(ct);
            await search.WriteAsync(batch[i].Id, NpgsqlDbType.Uuid, ct);
            await search.WriteAsync(batch[i].Section.Id, NpgsqlDbType.Uuid, ct);
            await search.WriteAsync(batch[i].PublishedAt, NpgsqlDbType.TimestampTz, ct);
            await search.WriteAsync(documents[i], NpgsqlDbType.Bytea, ct);
        }

        await search.CompleteAsync(ct);
    }

    public static async Task WriteCatalogAsync(NpgsqlConnection connection, Catalog catalog, CancellationToken ct)
    {
        var created = ArticleFactory.ArchiveStart;
        await using (var tags = await connection.BeginBinaryImportAsync("COPY tags (id, name, slug, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var tag in catalog.Tags)
            {
                await tags.StartRowAsync(ct);
                await tags.WriteAsync(tag.Id, NpgsqlDbType.Uuid, ct);
                await tags.WriteAsync(tag.Name, NpgsqlDbType.Varchar, ct);
                await tags.WriteAsync(tag.Slug, NpgsqlDbType.Varchar, ct);
                await tags.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            }

            await tags.CompleteAsync(ct);
        }

        await using var authors = await connection.BeginBinaryImportAsync(
            "COPY authors (id, name, slug, bio, avatar_url, user_id, created_at, updated_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var author in catalog.Authors)
        {
            await authors.StartRowAsync(ct);
            await authors.WriteAsync(author.Id, NpgsqlDbType.Uuid, ct);
            await authors.WriteAsync(author.Name, NpgsqlDbType.Varchar, ct);
            await authors.WriteAsync(author.Slug, NpgsqlDbType.Varchar, ct);
            await authors.WriteAsync(author.Bio, NpgsqlDbType.Varchar, ct);
            await authors.WriteAsync($"https://images.newsroom.example/auteurs/{author.Slug}.jpg", NpgsqlDbType.Varchar, ct);
            await authors.WriteNullAsync(ct);
            await authors.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
            await authors.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
        }

        await authors.CompleteAsync(ct);
    }
}
