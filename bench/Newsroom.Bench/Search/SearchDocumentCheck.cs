using System.Diagnostics;
using System.Text;
using Newsroom.Bench.Seeding;
using Npgsql;

namespace Newsroom.Bench.Search;

/// <summary>
/// Compares public articles' rows of article_search with what the application's trigger writes (PostgreSQL's own
/// <c>newsroom_search_document</c>), so that a document the seeder computed differently cannot go unnoticed.
/// Costs what building the documents in PostgreSQL would (≈ 2.3 ms per article), hence a sample after each load and
/// the whole corpus on demand (<c>verify-documents</c>).
/// </summary>
internal static class SearchDocumentCheck
{
    public sealed record Result(long Checked, long Missing, long Different, Guid? Example)
    {
        public static readonly Result None = new(0, 0, 0, null);

        public bool Passed => Missing == 0 && Different == 0;

        public static Result operator +(Result a, Result b) =>
            new(a.Checked + b.Checked, a.Missing + b.Missing, a.Different + b.Different, a.Example ?? b.Example);
    }

    private const string Compare = """
        SELECT count(*), count(*) FILTER (WHERE missing), count(*) FILTER (WHERE different), min(id::text) FILTER (WHERE missing OR different)
        FROM (SELECT a.id, s.article_id IS NULL AS missing,
                     (s.document <> newsroom_search_document(a) OR s.section_id <> a.section_id OR s.published_at <> a.published_at) AS different
              FROM articles a LEFT JOIN article_search s ON s.article_id = a.id
              WHERE a.status IN ('Published', 'Scheduled') AND a.published_at IS NOT NULL AND {0}) c
        """;

    /// <summary>
    /// After a load of articles <paramref name="start"/> + 1 to <paramref name="end"/>: compares a deterministic sample,
    /// the load's first batch (every chunk new then) and 2,000 articles spread over the corpus. A difference deletes
    /// all the documents, so that a wrong one is never kept (the next seed has PostgreSQL build them), and throws.
    /// </summary>
    public static async Task AfterLoadAsync(NpgsqlDataSource db, int start, int end, int batchSize, int parallelism, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var numbers = Enumerable.Range(start + 1, Math.Min(batchSize, end - start))
            .Concat(Enumerable.Range(0, 2000).Select(k => 1 + (int)((long)k * end / 2000)))
            .Distinct()
            .ToArray();
        var result = await SampleAsync(db, numbers, parallelism, ct);
        if (result.Passed)
        {
            log.WriteLine($"Checked {result.Checked:N0} search documents against PostgreSQL's newsroom_search_document in {clock.Elapsed.TotalSeconds:0.0} s: identical.");
            return;
        }

        var example = await DescribeAsync(db, result.Example!.Value, ct);
        await using (var truncate = db.CreateCommand("TRUNCATE article_search"))
        {
            await truncate.ExecuteNonQueryAsync(ct);
        }

        throw new InvalidOperationException(
            $"{result.Different:N0} of {result.Checked:N0} sampled search documents differ from PostgreSQL's, {result.Missing:N0} are missing. " +
            $"First: {example}\nThe seeder's documents were deleted; run the same seed again to have PostgreSQL build them.");
    }

    /// <summary>The bench articles numbered <paramref name="numbers"/> (1-based, as in bench.slugs), in parts checked side by side.</summary>
    private static async Task<Result> SampleAsync(NpgsqlDataSource db, int[] numbers, int parallelism, CancellationToken ct)
    {
        var results = await Task.WhenAll(numbers.Chunk(Math.Max(1, (numbers.Length + parallelism - 1) / parallelism)).Select(async part =>
        {
            await using var command = db.CreateCommand(string.Format(Compare, "a.slug IN (SELECT slug FROM bench.slugs WHERE n = ANY($1))"));
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue(part);
            return await ReadAsync(command, ct);
        }));
        return results.Aggregate(Result.None, (sum, r) => sum + r);
    }

    /// <summary>Every public article, in id slices checked side by side.</summary>
    public static async Task<Result> AllAsync(NpgsqlDataSource db, int parallelism, CancellationToken ct)
    {
        var results = await Task.WhenAll((await IdSlices.ReadAsync(db, parallelism, ct)).Select(async slice =>
        {
            await using var command = db.CreateCommand(string.Format(Compare, "a.id BETWEEN $1 AND $2"));
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue(slice.From);
            command.Parameters.AddWithValue(slice.To);
            return await ReadAsync(command, ct);
        }));
        return results.Aggregate(Result.None, (sum, r) => sum + r);
    }

    /// <summary>Rows of article_search whose article is not public (a draft, say): the trigger deletes them.</summary>
    public static async Task<long> StaleAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT count(*) FROM article_search s JOIN articles a ON a.id = s.article_id
            WHERE NOT (a.status IN ('Published', 'Scheduled') AND a.published_at IS NOT NULL)
            """);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>What differs for one article: its row, and the lexemes whose positions or weights differ (first ten).</summary>
    public static async Task<string> DescribeAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        var text = new StringBuilder();
        await using (var row = db.CreateCommand("""
            SELECT a.slug, s.article_id IS NOT NULL, s.section_id IS DISTINCT FROM a.section_id, s.published_at IS DISTINCT FROM a.published_at,
                   length(s.document), length(newsroom_search_document(a))
            FROM articles a LEFT JOIN article_search s ON s.article_id = a.id WHERE a.id = $1
            """))
        {
            row.Parameters.AddWithValue(id);
            await using var reader = await row.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            text.Append($"article {reader.GetString(0)} ({id}): ");
            if (!reader.GetBoolean(1))
            {
                return text.Append("no row in article_search").ToString();
            }

            text.Append($"{reader.GetInt32(4)} lexemes stored, {reader.GetInt32(5)} computed by PostgreSQL");
            text.Append(reader.GetBoolean(2) ? "; section_id differs" : "").Append(reader.GetBoolean(3) ? "; published_at differs" : "");
        }

        await using var lexemes = db.CreateCommand("""
            WITH d AS (SELECT s.document AS stored, newsroom_search_document(a) AS computed
                       FROM articles a JOIN article_search s ON s.article_id = a.id WHERE a.id = $1),
                 stored AS (SELECT u.* FROM d, unnest(d.stored) u),
                 computed AS (SELECT u.* FROM d, unnest(d.computed) u)
            SELECT coalesce(s.lexeme, c.lexeme), s.positions::text, s.weights::text, c.positions::text, c.weights::text
            FROM stored s FULL JOIN computed c ON c.lexeme = s.lexeme
            WHERE s.positions IS DISTINCT FROM c.positions OR s.weights IS DISTINCT FROM c.weights
            ORDER BY 1 LIMIT 10
            """);
        lexemes.Parameters.AddWithValue(id);
        await using (var reader = await lexemes.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                text.Append($"\n  '{reader.GetString(0)}': stored {Field(reader, 1)} {Field(reader, 2)}, PostgreSQL {Field(reader, 3)} {Field(reader, 4)}");
            }
        }

        return text.ToString();
    }

    private static string Field(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "(none)" : reader.GetString(ordinal);

    private static async Task<Result> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Result(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)));
    }
}
