using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Newsroom.Application.Reading;
using Newsroom.Application.Search;
using Newsroom.Application.Site;
using Newsroom.Domain;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Reading;
using Npgsql;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// Full-text search in two tiers, so that a word found in half the corpus costs about what a rare one does:
/// 1. head matches (<c>articles.search_head</c>: title A, tags and standfirst B, small and kept in the row): the
///    newest <see cref="SearchOptions.CandidateLimit"/> of them, ranked with <c>ts_rank</c> on that small vector;
/// 2. then document matches (<c>article_search.document</c>: head plus body C, out of line): the newest as many,
///    ranked on the whole document.
/// Title and tag matches therefore always come before body-only ones; within a tier the rank is blended with
/// recency and ties go to the higher id. Per tier, from the planner's estimate of its matches, the search either
/// walks down the publication order until enough match or collects them from the GIN index
/// (<see cref="WalkPublicationOrder"/>). Counts and facets: exact when every match is among the
/// candidates or the planner expects at most 1.2 × <see cref="SearchOptions.ExactCountLimit"/> (counted on the
/// narrow <c>article_search</c> rows), otherwise the planner's estimate and the candidates' facets, flagged.
/// Highlights are made for the returned page only.
/// </summary>
internal sealed partial class PostgresSearchEngine(PublicReadsDataSource source, IOptions<SearchOptions> options, SiteOptions site) : ISearchEngine
{
    /// <summary>Weights of D, C, B, A: title above tags and standfirst, far above body.</summary>
    private const string Weights = "'{0.05, 0.1, 0.4, 1.0}'::float4[]";

    /// <summary>
    /// The query read by the French stemmer, OR by the unaccenting configuration; just one of them when both read it
    /// the same (most words), which keeps the planner's match estimate from counting every word twice. Built from
    /// immutable functions of the parameter, so each plan is made for the query's actual words.
    /// </summary>
    private const string Query = """
        (CASE WHEN websearch_to_tsquery('pg_catalog.french', @q) = websearch_to_tsquery('public.french_unaccent', public.newsroom_search_text(@q))
              THEN websearch_to_tsquery('pg_catalog.french', @q)
              ELSE websearch_to_tsquery('pg_catalog.french', @q) || websearch_to_tsquery('public.french_unaccent', public.newsroom_search_text(@q)) END)
        """;

    /// <summary>Characters of the body an excerpt is first looked for in.</summary>
    private const int ExcerptWindow = 1000;

    /// <summary>Rank normalisation: divided by 1 + log(length), then mapped into [0, 1) (rank / (rank + 1)).</summary>
    private const string Normalisation = "1 | 32";

    /// <summary>The recency blend of the rows aliased <paramref name="alias"/>: from 1 (now) down towards 0.5, halving its excess every <c>@halfLife</c> days.</summary>
    private static string Recency(string alias) =>
        $"(0.5 + 0.5 * power(0.5, extract(epoch FROM (@now - {alias}.published_at)) / 86400.0 / @halfLife))";

    public Task<SearchResponse> SearchAsync(string query, PublicArticleFilter filter, int limit, int offset, DateTimeOffset now, CancellationToken cancellationToken) =>
        SearchQueryErrors.RefusedAsBadQueryAsync(() => SearchWithinAsync(query, filter, limit, offset, now, cancellationToken));

    private async Task<SearchResponse> SearchWithinAsync(string query, PublicArticleFilter filter, int limit, int offset, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        // One snapshot for the count, the hits and the facets. Plans are made for each query's own words (a generic
        // plan can't know whether a word is rare), and never as a sequential scan: it would decompress every
        // article's document to test it.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        long documents;
        await using (var setup = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'article_search'::regclass"),
                new NpgsqlBatchCommand("SET LOCAL enable_seqscan = off"),
                new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_custom_plan"),
            },
        })
        {
            documents = (long)(await setup.ExecuteScalarAsync(cancellationToken))!;
        }

        var candidateLimit = Math.Max(settings.CandidateLimit, offset + limit);
        var expected = await EstimateAsync(connection, transaction, DocumentMatches(filter), query, filter, now, cancellationToken);
        var expectedInHead = await EstimateAsync(connection, transaction, HeadMatches(filter), query, filter, now, cancellationToken);
        var candidates = await CandidatesAsync(connection, transaction, query, filter, now, candidateLimit,
            WalkPublicationOrder(expectedInHead, documents, candidateLimit, Tier.Head), WalkPublicationOrder(expected, documents, candidateLimit, Tier.Document), settings, cancellationToken);
        if (candidates.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new SearchResponse(query, 0, false, [], new SearchFacets([], [], false), null);
        }

        int total;
        bool estimate;
        SearchFacets facets;
        if (candidates.Count(c => c.InDocumentTier) < candidateLimit)
        {
            // Fewer document matches than asked for: every match is here (a head match is a document match too).
            (total, estimate, facets) = (candidates.Count, false, FacetsOf(candidates, false));
        }
        else if (expected <= settings.ExactCountLimit * 6L / 5)
        {
            (total, facets) = await ExactFacetsAsync(connection, transaction, query, filter, now, cancellationToken);
            estimate = false;
        }
        else
        {
            (total, estimate, facets) = ((int)Math.Min(int.MaxValue, Math.Max(expected, candidates.Count)), true, FacetsOf(candidates, true));
        }

        var page = candidates.Skip(offset).Take(limit).ToList();
        var highlights = await HighlightsAsync(connection, transaction, query, page.Select(c => c.Id).ToArray(), page.Where(c => c.InHeadTier).Select(c => c.Id).ToArray(), HighlightMarkers.Random(), cancellationToken);
        var teasers = await PublicArticleRows.TeasersAsync(connection, page.Select(c => c.Id).ToList(), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var items = page.Where(c => teasers.ContainsKey(c.Id) && highlights.ContainsKey(c.Id))
            .Select(c => new SearchHit(teasers[c.Id], Math.Round(c.Score, 6), highlights[c.Id])).ToList();
        return new SearchResponse(query, total, estimate, items, facets, null);
    }

    /// <param name="InDocumentTier">Among the newest document matches (whichever tier ranked it).</param>
    private sealed record Candidate(Guid Id, double Score, bool InDocumentTier, string SectionSlug, string SectionName, int Year)
    {
        /// <summary>Ranked in the title/tags/standfirst tier, whose scores are 1 + rank (the document tier's are below 1).</summary>
        public bool InHeadTier => Score >= 1;
    }

    /// <summary>Both tiers' candidates, best first (score, then id, as PostgreSQL orders them).</summary>
    private async Task<List<Candidate>> CandidatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query, PublicArticleFilter filter, DateTimeOffset now, int candidateLimit, bool walkHeads, bool walkDocuments, SearchOptions settings, CancellationToken cancellationToken)
    {
        // An order the publication index can't give makes the planner collect the matches from the GIN index.
        var headOrder = walkHeads ? "a.published_at DESC" : "a.published_at + interval '0 seconds' DESC";
        var documentOrder = walkDocuments ? "s.published_at DESC" : "s.published_at + interval '0 seconds' DESC";
        await using var command = Command(connection, transaction, $"""
            WITH head AS MATERIALIZED (
                SELECT a.id, a.published_at, a.section_id, a.search_head {HeadMatches(filter)}
                ORDER BY {headOrder}, a.id DESC
                LIMIT @candidates
            ), document AS MATERIALIZED (
                SELECT s.article_id AS id, s.published_at, s.section_id {DocumentMatches(filter)}
                ORDER BY {documentOrder}, s.article_id DESC
                LIMIT @candidates
            ), scored AS (
                SELECT h.id, h.published_at, h.section_id,
                       EXISTS (SELECT 1 FROM document d WHERE d.id = h.id) AS in_document,
                       1 + ts_rank({Weights}, h.search_head, {Query}, {Normalisation}) * {Recency("h")} AS score
                FROM head h
                UNION ALL
                SELECT d.id, d.published_at, d.section_id, true,
                       ts_rank({Weights}, s.document, {Query}, {Normalisation}) * {Recency("d")}
                FROM document d JOIN article_search s ON s.article_id = d.id
                WHERE NOT EXISTS (SELECT 1 FROM head h WHERE h.id = d.id)
            )
            SELECT c.id, c.score, c.in_document, sec.slug, sec.name, extract(year FROM c.published_at AT TIME ZONE @zone)::int
            FROM scored c JOIN sections sec ON sec.id = c.section_id
            ORDER BY c.score DESC, c.id DESC
            """, query, filter, now);
        command.Parameters.AddWithValue("candidates", candidateLimit);
        command.Parameters.AddWithValue("halfLife", settings.RecencyHalfLifeDays);
        command.Parameters.AddWithValue("zone", site.TimeZone);
        var candidates = new List<Candidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new Candidate(reader.GetGuid(0), reader.GetDouble(1), reader.GetBoolean(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return candidates;
    }

    /// <summary>Public articles whose title, tags or standfirst match, as a FROM ... WHERE clause on <c>articles a</c>.</summary>
    private static string HeadMatches(PublicArticleFilter filter) =>
        $"FROM articles a WHERE {ArticleVisibility.Sql} AND a.search_head @@ {Query} {Filters(filter, "a", "a.id")}";

    /// <summary>Public articles whose document matches, as a FROM ... WHERE clause on <c>article_search s</c>.</summary>
    private static string DocumentMatches(PublicArticleFilter filter) =>
        $"FROM article_search s WHERE s.published_at <= @now AND s.document @@ {Query} {Filters(filter, "s", "s.article_id")}";

    /// <summary>The planner's estimate of the rows of a FROM ... WHERE clause, from the words' statistics, without reading them.</summary>
    private static async Task<long> EstimateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string matches, string query, PublicArticleFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"EXPLAIN (FORMAT JSON) SELECT 1 {matches}", query, filter, now);
        var plan = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        using var json = JsonDocument.Parse(plan);
        return (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    /// <summary>
    /// Whether the newest matches of a tier are best found by walking the publication order and testing each row
    /// (a document costs about 10 µs: it is decompressed) until enough match, rather than by collecting every match
    /// from the GIN index and sorting them (about 0.4 µs per match). The planner can't weigh the decompression, and
    /// for a word it has no statistics on it guesses a frequency that can make it walk a million rows in vain (a word
    /// found only in bodies, looked for in titles: 2 s at 1M). So the choice is made here, from its estimate: walk only
    /// where matches are dense enough that the walk is surely short.
    /// </summary>
    internal static bool WalkPublicationOrder(long expectedMatches, long documents, int candidates, Tier tier)
    {
        if (expectedMatches <= 0 || documents <= 0)
        {
            return false;
        }

        // Microseconds per row walked (a head vector sits in the row; a document is decompressed) and per match
        // collected (a random page of the wide articles table; a row of the narrow documents table). The walk must
        // look 4 times cheaper: the estimate may be a guess, and a wrong walk can read the whole table.
        var (walk, collect) = tier == Tier.Head ? (1.0, 5.0) : (10.0, 0.4);
        var walked = candidates * (double)documents / expectedMatches;
        return walked * walk * 4 < expectedMatches * collect;
    }

    internal enum Tier
    {
        Head,
        Document,
    }

    private async Task<(int Total, SearchFacets Facets)> ExactFacetsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query, PublicArticleFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, $"""
            WITH counted AS (
                SELECT s.section_id, extract(year FROM s.published_at AT TIME ZONE @zone)::int AS year, count(*)::int AS count
                {DocumentMatches(filter)}
                GROUP BY GROUPING SETS ((s.section_id), (2))
            )
            SELECT sec.slug, sec.name, c.year, c.count FROM counted c LEFT JOIN sections sec ON sec.id = c.section_id
            """, query, filter, now);
        command.Parameters.AddWithValue("zone", site.TimeZone);
        var sections = new List<SectionFacet>();
        var years = new List<YearFacet>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0))
                {
                    sections.Add(new SectionFacet(reader.GetString(0), reader.GetString(1), reader.GetInt32(3)));
                }
                else if (!reader.IsDBNull(2))
                {
                    years.Add(new YearFacet(reader.GetInt32(2), reader.GetInt32(3)));
                }
            }
        }

        return (sections.Sum(s => s.Count), Facets(sections, years, false));
    }

    private static SearchFacets FacetsOf(IReadOnlyList<Candidate> candidates, bool areEstimates) => Facets(
        candidates.GroupBy(c => (c.SectionSlug, c.SectionName)).Select(g => new SectionFacet(g.Key.SectionSlug, g.Key.SectionName, g.Count())).ToList(),
        candidates.GroupBy(c => c.Year).Select(g => new YearFacet(g.Key, g.Count())).ToList(),
        areEstimates);

    private static SearchFacets Facets(IEnumerable<SectionFacet> sections, IEnumerable<YearFacet> years, bool areEstimates) => new(
        sections.OrderByDescending(s => s.Count).ThenBy(s => s.Slug, StringComparer.Ordinal).ToList(),
        years.OrderByDescending(y => y.Year).ToList(),
        areEstimates);

    /// <summary>
    /// The title with its matches marked, and an excerpt around a match. Parsing a whole body costs ~0.5 ms, so for
    /// a title/tags/standfirst match the excerpt is its standfirst when the match is there (else the body's start),
    /// and for a body match it is looked for in the body's first 1,000 characters, then in the whole body.
    /// Matches are marked with this request's own random <paramref name="markers"/>, which no stored text can hold.
    /// </summary>
    private static async Task<Dictionary<Guid, SearchHighlights>> HighlightsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query, Guid[] ids, Guid[] headIds, HighlightMarkers markers, CancellationToken cancellationToken)
    {
        var highlights = new Dictionary<Guid, SearchHighlights>(ids.Length);
        if (ids.Length == 0)
        {
            return highlights;
        }

        // The markers are parameters, so the statement stays the same (and prepared) from one request to the next.
        const string Options = "@excerpt_options";
        // OFFSET 0 keeps the inner query apart, so each headline is computed once however often the outer one uses it.
        await using var command = new NpgsqlCommand($"""
            SELECT h.id, h.title,
                   CASE WHEN strpos(h.first, @mark_start) > 0 OR h.whole_body THEN h.first
                        WHEN h.in_head THEN ts_headline('public.french_unaccent', left(h.body_text, {ExcerptWindow}), {Query}, {Options})
                        ELSE ts_headline('public.french_unaccent', h.body_text, {Query}, {Options}) END
            FROM (
                SELECT a.id, a.body_text, a.id = ANY(@head) AS in_head, length(a.body_text) <= {ExcerptWindow} AS whole_body,
                       ts_headline('public.french_unaccent', a.title, {Query}, @title_options) AS title,
                       CASE WHEN a.id = ANY(@head) THEN ts_headline('public.french_unaccent', a.standfirst, {Query}, {Options})
                            ELSE ts_headline('public.french_unaccent', left(a.body_text, {ExcerptWindow}), {Query}, {Options}) END AS first
                FROM articles a
                WHERE a.id = ANY(@ids)
                OFFSET 0
            ) h
            """, connection, transaction);
        command.Parameters.AddWithValue("head", headIds);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("mark_start", markers.Start);
        command.Parameters.AddWithValue("title_options", $"HighlightAll=true, StartSel={markers.Start}, StopSel={markers.End}");
        command.Parameters.AddWithValue("excerpt_options", $"MaxWords=35, MinWords=15, MaxFragments=1, StartSel={markers.Start}, StopSel={markers.End}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            highlights[reader.GetGuid(0)] = new SearchHighlights(markers.ToHtml(reader.GetString(1)), markers.ToHtml(reader.GetString(2)));
        }

        return highlights;
    }

    public Task<string?> CorrectAsync(string query, DateTimeOffset now, CancellationToken cancellationToken) =>
        SearchQueryErrors.RefusedAsBadQueryAsync(() => CorrectWordsAsync(query, now, cancellationToken));

    private async Task<string?> CorrectWordsAsync(string query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
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

            // Only words of articles public at this instant: an embargoed article's words must not be suggested.
            await using var command = new NpgsqlCommand("""
                SELECT w.word FROM search_words w, (SELECT public.unaccent(lower(@w)) AS term) t
                WHERE w.word % t.term AND w.public_from <= @now
                ORDER BY (w.word = t.term) DESC, similarity(w.word, t.term) DESC, w.ndoc DESC, w.word
                LIMIT 1
                """, connection);
            command.Parameters.AddWithValue("w", part);
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            var best = (string?)await command.ExecuteScalarAsync(cancellationToken);
            var same = best is not null && string.Equals(best, Accents.Remove(part.ToLowerInvariant()), StringComparison.Ordinal);
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

    /// <summary>
    /// Completions of the last word: tag and author names that start with it, then vocabulary words, all of them of
    /// articles public at <paramref name="now"/> (a tag only drafts use, an author with no public article, a
    /// scheduled article's words stay unknown). Prefixes are compared with starts_with and an index range, never with
    /// a LIKE pattern, so '%', '_' and '\' typed by a reader are plain characters.
    /// </summary>
    public Task<IReadOnlyList<string>> SuggestAsync(string prefixQuery, int limit, DateTimeOffset now, CancellationToken cancellationToken) =>
        SearchQueryErrors.RefusedAsBadQueryAsync(() => CompleteAsync(prefixQuery, limit, now, cancellationToken));

    private async Task<IReadOnlyList<string>> CompleteAsync(string prefixQuery, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var lastSpace = prefixQuery.LastIndexOf(' ');
        var head = lastSpace < 0 ? string.Empty : prefixQuery[..(lastSpace + 1)];
        var prefix = prefixQuery[(lastSpace + 1)..];
        if (prefix.Length == 0)
        {
            return [];
        }

        // A tag or author needs one public article: LATERAL ... LIMIT 1 stops at the first (an EXISTS was planned
        // as a bitmap over all of a prolific author's bylines). The vocabulary's prefix index is walked as a range:
        // the bounds are init-plan values, which an index condition may use (a pattern computed in the statement
        // could not); U+10FFFF sorts after any character.
        await using var command = new NpgsqlCommand($"""
            WITH p AS MATERIALIZED (SELECT public.unaccent(lower(@prefix)) AS term)
            (SELECT t.name AS completion, 1000000 AS weight FROM tags t
             CROSS JOIN LATERAL (SELECT 1 FROM article_tags x JOIN articles a ON a.id = x.article_id WHERE x.tag_id = t.id AND {ArticleVisibility.Sql} LIMIT 1) seen
             WHERE starts_with(public.unaccent(lower(t.name)), (SELECT term FROM p))
             ORDER BY t.name LIMIT @limit)
            UNION ALL
            (SELECT au.name, 1000000 FROM authors au
             CROSS JOIN LATERAL (SELECT 1 FROM article_authors x JOIN articles a ON a.id = x.article_id WHERE x.author_id = au.id AND {ArticleVisibility.Sql} LIMIT 1) seen
             WHERE starts_with(public.unaccent(lower(au.name)), (SELECT term FROM p))
             ORDER BY au.name LIMIT @limit)
            UNION ALL
            (SELECT w.word, w.ndoc FROM search_words w
             WHERE w.word ~>=~ (SELECT term FROM p) AND w.word ~<~ ((SELECT term FROM p) || chr(1114111))
               AND w.public_from <= @now
             ORDER BY w.ndoc DESC, w.word LIMIT @limit)
            """, connection);
        command.Parameters.AddWithValue("prefix", prefix);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
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

    /// <summary>The reader's filters as SQL on the row aliased <paramref name="alias"/>; only the ones given, so each plan fits them.</summary>
    private static string Filters(PublicArticleFilter filter, string alias, string articleId) =>
        string.Concat(ReaderFilterSql.Conditions(alias, articleId, filter.SectionId is null ? null : "@section",
            filter.TagId is not null, filter.AuthorId is not null, filter.From is not null, filter.To is not null).Select(c => $" AND {c}"));

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string query, PublicArticleFilter filter, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        if (filter.SectionId is { } section)
        {
            command.Parameters.AddWithValue("section", section);
        }

        if (filter.TagId is { } tag)
        {
            command.Parameters.AddWithValue("tag", tag);
        }

        if (filter.AuthorId is { } author)
        {
            command.Parameters.AddWithValue("author", author);
        }

        if (filter.From is { } from)
        {
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (filter.To is { } to)
        {
            command.Parameters.AddWithValue("to", to.ToUniversalTime());
        }

        return command;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(\p{L}[\p{L}\p{Mn}]*)")]
    private static partial System.Text.RegularExpressions.Regex Words();
}
