using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Reading;
using Npgsql;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// The SQL fragments the ranking and the highlights share: the reader's query as a tsquery, the weights and
/// normalisation of the rank, the recency blend, and the matches of each tier with the reader's filters
/// (<see cref="PublicFilterSql"/>, the same conditions and parameters as the lists'). Statements
/// that use them read <c>@q</c> (the query) and <c>@now</c> (the request's instant), bound by <see cref="Command"/>.
/// </summary>
internal static class SearchSql
{
    /// <summary>Weights of D, C, B, A: title above tags and standfirst, far above body.</summary>
    public const string Weights = "'{0.05, 0.1, 0.4, 1.0}'::float4[]";

    /// <summary>
    /// The query read by the French stemmer, OR by the unaccenting configuration; just one of them when both read it
    /// the same (most words), which keeps the planner's match estimate from counting every word twice. Built from
    /// immutable functions of the parameter, so each plan is made for the query's actual words.
    /// </summary>
    public const string Query = """
        (CASE WHEN websearch_to_tsquery('pg_catalog.french', @q) = websearch_to_tsquery('public.french_unaccent', public.newsroom_search_text(@q))
              THEN websearch_to_tsquery('pg_catalog.french', @q)
              ELSE websearch_to_tsquery('pg_catalog.french', @q) || websearch_to_tsquery('public.french_unaccent', public.newsroom_search_text(@q)) END)
        """;

    /// <summary>Rank normalisation: divided by 1 + log(length), then mapped into [0, 1) (rank / (rank + 1)).</summary>
    public const string Normalisation = "1 | 32";

    /// <summary>The recency blend of the rows aliased <paramref name="alias"/>: from 1 (now) down towards 0.5, halving its excess every <c>@halfLife</c> days.</summary>
    public static string Recency(string alias) =>
        $"(0.5 + 0.5 * power(0.5, extract(epoch FROM (@now - {alias}.published_at)) / 86400.0 / @halfLife))";

    /// <summary>Public articles whose title, tags or standfirst match, as a FROM ... WHERE clause on <c>articles a</c>.</summary>
    public static string HeadMatches(PublicArticleFilter filter) =>
        $"FROM articles a WHERE {ArticleVisibility.Sql} AND a.search_head @@ {Query} {PublicFilterSql.Of(filter, "a", "a.id").AndConditions}";

    /// <summary>Public articles whose document matches, as a FROM ... WHERE clause on <c>article_search s</c>.</summary>
    public static string DocumentMatches(PublicArticleFilter filter) =>
        $"FROM article_search s WHERE s.published_at <= @now AND s.document @@ {Query} {PublicFilterSql.Of(filter, "s", "s.article_id").AndConditions}";

    /// <summary>A statement over <see cref="HeadMatches"/> or <see cref="DocumentMatches"/>, with the query, the instant and the filters' values bound.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string query, PublicArticleFilter filter, DateTimeOffset now)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        PublicFilterSql.Of(filter).AddParametersTo(command.Parameters);
        return command;
    }
}
