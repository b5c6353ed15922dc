using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newsroom.Application.Search;
using Newsroom.Application.Site;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// Full-text search on the generated, weighted tsvector (title A, tags and standfirst B, body C), indexed with both
/// the French stemmer and an unaccenting French configuration; the query asks both. Ranking runs over a bounded set
/// (the newest matches), is blended with recency and tie-broken by id; highlights are made for the returned page only.
/// </summary>
internal sealed partial class PostgresSearchEngine(NewsroomDbContext db, PublicArticleRows rows, IOptions<SearchOptions> options, SiteOptions site) : ISearchEngine
{
    /// <summary>Private-use characters: they can't come from an article, so they mark matches safely through HTML escaping.</summary>
    private const string MarkStart = "\uE000";
    private const string MarkEnd = "\uE001";

    /// <summary>Weights of D, C, B, A: title above tags and standfirst, far above body.</summary>
    private const string Weights = "'{0.05, 0.1, 0.4, 1.0}'::float4[]";

    private const string Query = """
        (websearch_to_tsquery('pg_catalog.french', @q) || websearch_to_tsquery('public.french_unaccent', public.newsroom_search_text(@q)))
        """;

    private const string Visible = """
        a.status IN ('Published', 'Scheduled') AND a.published_at <= @now
        AND (@section::uuid IS NULL OR a.section_id = @section)
        AND (@tag::uuid IS NULL OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = @tag))
        AND (@author::uuid IS NULL OR EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = a.id AND x.author_id = @author))
        AND (@from::timestamptz IS NULL OR a.published_at >= @from)
        AND (@to::timestamptz IS NULL OR a.published_at <= @to)
        """;

    public async Task<SearchResponse> SearchAsync(string query, SearchFilter filter, int limit, int offset, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var connection = await OpenAsync(cancellationToken);

        var (total, estimate) = await CountAsync(connection, query, filter, now, settings.ExactCountLimit, cancellationToken);
        if (total == 0)
        {
            return new SearchResponse(query, 0, false, [], new SearchFacets([], [], false), null);
        }

        var hits = new List<(Guid Id, double Score, string Title, string Excerpt)>();
        await using (var command = Command(connection, $"""
            WITH candidates AS (
                SELECT a.id, a.published_at, a.search_vector FROM articles a
                WHERE {Visible} AND a.search_vector @@ {Query}
                ORDER BY a.published_at DESC, a.id DESC
                LIMIT @candidates
            ), ranked AS (
                SELECT c.id,
                       ts_rank({Weights}, c.search_vector, {Query}, 1)
                         * (0.5 + 0.5 * power(0.5, extract(epoch FROM (@now - c.published_at)) / 86400.0 / @halfLife)) AS score
                FROM candidates c
                ORDER BY score DESC, c.id DESC
                LIMIT @limit OFFSET @offset
            )
            SELECT r.id, r.score,
                   ts_headline('public.french_unaccent', a.title, {Query}, 'HighlightAll=true, StartSel={MarkStart}, StopSel={MarkEnd}'),
                   ts_headline('public.french_unaccent', a.body_text, {Query}, 'MaxWords=35, MinWords=15, MaxFragments=1, StartSel={MarkStart}, StopSel={MarkEnd}')
            FROM ranked r JOIN articles a ON a.id = r.id
            ORDER BY r.score DESC, r.id DESC
            """, query, filter, now))
        {
            command.Parameters.AddWithValue("candidates", settings.CandidateLimit);
            command.Parameters.AddWithValue("halfLife", settings.RecencyHalfLifeDays);
            command.Parameters.AddWithValue("limit", limit);
            command.Parameters.AddWithValue("offset", offset);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add((reader.GetGuid(0), reader.GetDouble(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var facets = await FacetsAsync(connection, query, filter, now, estimate, settings, cancellationToken);
        var teasers = await rows.TeasersAsync(hits.Select(h => h.Id).ToList(), now, cancellationToken);
        var items = hits.Where(h => teasers.ContainsKey(h.Id)).Select(h => new SearchHit(teasers[h.Id], Math.Round(h.Score, 6),
            new SearchHighlights(Highlight(h.Title), Highlight(h.Excerpt)))).ToList();
        return new SearchResponse(query, total, estimate, items, facets, null);
    }

    public async Task<string?> CorrectAsync(string query, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var words = Words().Split(query);
        var changed = false;
        var corrected = new StringBuilder();
        foreach (var part in words)
        {
            if (part.Length < 3 || !char.IsLetter(part[0]))
            {
                corrected.Append(part);
                continue;
            }

            await using var command = new NpgsqlCommand("""
                SELECT w.word FROM search_words w, (SELECT public.unaccent(lower(@w)) AS term) t
                WHERE w.word % t.term
                ORDER BY (w.word = t.term) DESC, similarity(w.word, t.term) DESC, w.ndoc DESC, w.word
                LIMIT 1
                """, connection);
            command.Parameters.AddWithValue("w", part);
            var best = (string?)await command.ExecuteScalarAsync(cancellationToken);
            var same = best is not null && string.Equals(best, RemoveAccents(part.ToLowerInvariant()), StringComparison.Ordinal);
            if (best is null || same)
            {
                corrected.Append(part);
                continue;
            }

            corrected.Append(best);
            changed = true;
        }

        return changed ? corrected.ToString() : null;
    }

    public async Task<IReadOnlyList<string>> SuggestAsync(string prefixQuery, int limit, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        var lastSpace = prefixQuery.LastIndexOf(' ');
        var head = lastSpace < 0 ? string.Empty : prefixQuery[..(lastSpace + 1)];
        var prefix = prefixQuery[(lastSpace + 1)..];
        if (prefix.Length == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("""
            (SELECT t.name AS completion, 1000000 AS weight FROM tags t
             WHERE public.unaccent(lower(t.name)) LIKE public.unaccent(lower(@prefix)) || '%'
             ORDER BY t.name LIMIT @limit)
            UNION ALL
            (SELECT a.name, 1000000 FROM authors a
             WHERE public.unaccent(lower(a.name)) LIKE public.unaccent(lower(@prefix)) || '%'
             ORDER BY a.name LIMIT @limit)
            UNION ALL
            (SELECT w.word, w.ndoc FROM search_words w
             WHERE w.word LIKE replace(replace(public.unaccent(lower(@prefix)), '%', ''), '_', '') || '%'
             ORDER BY w.ndoc DESC, w.word LIMIT @limit)
            """, connection);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("limit", limit);
        var found = new List<(string Text, long Weight)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return found.OrderByDescending(f => f.Weight).Select(f => head + f.Text)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(limit).ToList();
    }

    private async Task<(int Total, bool Estimate)> CountAsync(NpgsqlConnection connection, string query, SearchFilter filter, DateTimeOffset now, int exactLimit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT count(*) FROM (SELECT 1 FROM articles a WHERE {Visible} AND a.search_vector @@ {Query} LIMIT @cap) m", query, filter, now);
        command.Parameters.AddWithValue("cap", exactLimit + 1);
        var count = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return count > exactLimit ? (exactLimit, true) : (count, false);
    }

    private async Task<SearchFacets> FacetsAsync(NpgsqlConnection connection, string query, SearchFilter filter, DateTimeOffset now, bool estimate, SearchOptions settings, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"""
            WITH matches AS (
                SELECT a.section_id, a.published_at FROM articles a WHERE {Visible} AND a.search_vector @@ {Query}
                ORDER BY a.published_at DESC LIMIT @cap
            )
            SELECT 's', s.slug, s.name, count(*)::int FROM matches m JOIN sections s ON s.id = m.section_id GROUP BY s.slug, s.name
            UNION ALL
            SELECT 'y', extract(year FROM m.published_at AT TIME ZONE @zone)::int::text, '', count(*)::int FROM matches m GROUP BY 2
            """, query, filter, now);
        command.Parameters.AddWithValue("cap", estimate ? settings.CandidateLimit : settings.ExactCountLimit);
        command.Parameters.AddWithValue("zone", site.TimeZone);
        var sections = new List<SectionFacet>();
        var years = new List<YearFacet>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) == "s")
            {
                sections.Add(new SectionFacet(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
            else
            {
                years.Add(new YearFacet(int.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt32(3)));
            }
        }

        return new SearchFacets(
            sections.OrderByDescending(s => s.Count).ThenBy(s => s.Slug, StringComparer.Ordinal).ToList(),
            years.OrderByDescending(y => y.Year).ToList(),
            estimate);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string query, SearchFilter filter, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("section", NpgsqlDbType.Uuid) { Value = (object?)filter.SectionId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("tag", NpgsqlDbType.Uuid) { Value = (object?)filter.TagId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("author", NpgsqlDbType.Uuid) { Value = (object?)filter.AuthorId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value });
        return command;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    /// <summary>Everything from the article is HTML-escaped; only our own markers become &lt;mark&gt;.</summary>
    internal static string Highlight(string headline) =>
        headline.Trim().Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal)
            .Replace(MarkStart, "<mark>", StringComparison.Ordinal).Replace(MarkEnd, "</mark>", StringComparison.Ordinal);

    private static string RemoveAccents(string text) =>
        new(text.Normalize(NormalizationForm.FormD).Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());

    [System.Text.RegularExpressions.GeneratedRegex(@"(\p{L}[\p{L}\p{Mn}]*)")]
    private static partial System.Text.RegularExpressions.Regex Words();
}
