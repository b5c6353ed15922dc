using System.Text.Json;
using Microsoft.Extensions.Options;
using Newsroom.Application.Reading;
using Newsroom.Application.Search;
using Newsroom.Application.Site;
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
/// (<see cref="CandidatePlan"/>). Counts and facets: exact when every match is among the candidates or the planner
/// expects at most 1.2 × <see cref="SearchOptions.ExactCountLimit"/> (counted on the narrow <c>article_search</c>
/// rows), otherwise the planner's estimate and the candidates' facets, flagged. <see cref="Highlights"/> are made for
/// the returned page only. The statements' shared fragments are in <see cref="SearchSql"/>.
/// </summary>
internal sealed class PostgresSearchEngine(PublicReadsDataSource source, IOptions<SearchOptions> options, SiteOptions site) : ISearchEngine
{
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
        var expected = await EstimateAsync(connection, transaction, SearchSql.DocumentMatches(filter), query, filter, now, cancellationToken);
        var expectedInHead = await EstimateAsync(connection, transaction, SearchSql.HeadMatches(filter), query, filter, now, cancellationToken);
        var candidates = await CandidatesAsync(connection, transaction, query, filter, now, candidateLimit,
            CandidatePlan.WalkPublicationOrder(expectedInHead, documents, candidateLimit, Tier.Head), CandidatePlan.WalkPublicationOrder(expected, documents, candidateLimit, Tier.Document), settings, cancellationToken);
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
        var highlights = await Highlights.OfPageAsync(connection, transaction, query, page.Select(c => c.Id).ToArray(), page.Where(c => c.InHeadTier).Select(c => c.Id).ToArray(), cancellationToken);
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
        await using var command = SearchSql.Command(connection, transaction, $"""
            WITH head AS MATERIALIZED (
                SELECT a.id, a.published_at, a.section_id, a.search_head {SearchSql.HeadMatches(filter)}
                ORDER BY {headOrder}, a.id DESC
                LIMIT @candidates
            ), document AS MATERIALIZED (
                SELECT s.article_id AS id, s.published_at, s.section_id {SearchSql.DocumentMatches(filter)}
                ORDER BY {documentOrder}, s.article_id DESC
                LIMIT @candidates
            ), scored AS (
                SELECT h.id, h.published_at, h.section_id,
                       EXISTS (SELECT 1 FROM document d WHERE d.id = h.id) AS in_document,
                       1 + ts_rank({SearchSql.Weights}, h.search_head, {SearchSql.Query}, {SearchSql.Normalisation}) * {SearchSql.Recency("h")} AS score
                FROM head h
                UNION ALL
                SELECT d.id, d.published_at, d.section_id, true,
                       ts_rank({SearchSql.Weights}, s.document, {SearchSql.Query}, {SearchSql.Normalisation}) * {SearchSql.Recency("d")}
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

    /// <summary>The planner's estimate of the rows of a FROM ... WHERE clause, from the words' statistics, without reading them.</summary>
    private static async Task<long> EstimateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string matches, string query, PublicArticleFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SearchSql.Command(connection, transaction, $"EXPLAIN (FORMAT JSON) SELECT 1 {matches}", query, filter, now);
        var plan = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        using var json = JsonDocument.Parse(plan);
        return (long)json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    private async Task<(int Total, SearchFacets Facets)> ExactFacetsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string query, PublicArticleFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = SearchSql.Command(connection, transaction, $"""
            WITH counted AS (
                SELECT s.section_id, extract(year FROM s.published_at AT TIME ZONE @zone)::int AS year, count(*)::int AS count
                {SearchSql.DocumentMatches(filter)}
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
}
