using System.Text;
using System.Text.RegularExpressions;
using Newsroom.Application.Search;
using Newsroom.Domain;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Reading;
using Npgsql;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// Typo corrections and completions from the vocabulary (<c>search_words</c>: each word of the articles' titles,
/// standfirsts, tags and bylines, unaccented, with the instant from which an article using it is public), and from
/// the tags and authors of public articles. <see cref="SearchVocabularyRefresher"/> keeps the vocabulary up to date.
/// </summary>
internal sealed partial class PostgresSearchVocabulary(PublicReadsDataSource source) : ISearchVocabulary
{
    /// <summary>Words shorter than this are never corrected.</summary>
    private const int ShortestCorrectedWord = 3;

    public Task<string?> CorrectAsync(string query, DateTimeOffset now, CancellationToken cancellationToken) =>
        SearchQueryErrors.RefusedAsBadQueryAsync(() => CorrectWordsAsync(query, now, cancellationToken));

    private async Task<string?> CorrectWordsAsync(string query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The query split into its words and what separates them, so the corrected one keeps the reader's spaces and operators.
        var parts = Words().Split(query);
        var words = parts.Where(IsCorrectable).ToArray();
        if (words.Length == 0)
        {
            return null;
        }

        var nearest = await NearestWordsAsync(words, now, cancellationToken);
        var changed = false;
        var corrected = new StringBuilder();
        var next = 0;
        foreach (var part in parts)
        {
            var best = IsCorrectable(part) ? nearest[next++] : null;
            if (best is null || string.Equals(best, Accents.Remove(part.ToLowerInvariant()), StringComparison.Ordinal))
            {
                corrected.Append(part);
                continue;
            }

            corrected.Append(best);
            changed = true;
        }

        return changed ? corrected.ToString() : null;
    }

    private static bool IsCorrectable(string part) => part.Length >= ShortestCorrectedWord && char.IsLetter(part[0]);

    /// <summary>
    /// For each word, in order, the closest vocabulary word (the word itself when known; null when none is close),
    /// all in one round trip. Only words of articles public at this instant: an embargoed article's words must not
    /// be suggested. The LATERAL subquery is the lookup of one word, run for each: same filter, order and tie-breaks.
    /// </summary>
    private async Task<string?[]> NearestWordsAsync(string[] words, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT best.word
            FROM unnest(@words) WITH ORDINALITY AS u(word, n)
            CROSS JOIN LATERAL (SELECT public.unaccent(lower(u.word)) AS term) t
            LEFT JOIN LATERAL (
                SELECT w.word FROM search_words w
                WHERE w.word % t.term AND w.public_from <= @now
                ORDER BY (w.word = t.term) DESC, similarity(w.word, t.term) DESC, w.ndoc DESC, w.word
                LIMIT 1
            ) best ON true
            ORDER BY u.n
            """, connection);
        command.Parameters.AddWithValue("words", words);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        var nearest = new string?[words.Length];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
        {
            nearest[i] = reader.IsDBNull(0) ? null : reader.GetString(0);
        }

        return nearest;
    }

    /// <summary>
    /// Completions of the last word: tag and author names that start with it, then vocabulary words, all of them of
    /// articles public at <paramref name="now"/> (a tag only drafts use, an author with no public article, a
    /// scheduled article's words stay unknown). Prefixes are compared with starts_with and an index range, never with
    /// a LIKE pattern, so '%', '_' and '\' typed by a reader are plain characters.
    /// </summary>
    public Task<IReadOnlyList<string>> CompleteAsync(string prefixQuery, int limit, DateTimeOffset now, CancellationToken cancellationToken) =>
        SearchQueryErrors.RefusedAsBadQueryAsync(() => CompleteLastWordAsync(prefixQuery, limit, now, cancellationToken));

    private async Task<IReadOnlyList<string>> CompleteLastWordAsync(string prefixQuery, int limit, DateTimeOffset now, CancellationToken cancellationToken)
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

    [GeneratedRegex(@"(\p{L}[\p{L}\p{Mn}]*)")]
    private static partial Regex Words();
}
