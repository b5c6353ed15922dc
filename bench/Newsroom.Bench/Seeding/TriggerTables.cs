using System.Diagnostics;
using Npgsql;

namespace Newsroom.Bench.Seeding;

/// <summary>
/// The tables the application's triggers keep (archive counts, search documents, teasers' tag and byline arrays):
/// their triggers are off while batches are copied, and whatever a load did not write itself is completed after it.
/// </summary>
internal static class TriggerTables
{
    public static async Task DisableForLoadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        // The application's triggers are off for the load: the archives' per-month counter would serialise parallel
        // COPY batches on the same month rows (and can deadlock them), so the counts are rebuilt once at the end;
        // the search documents are computed by the seeder and copied with their articles, far cheaper than
        // PostgreSQL's to_tsvector (see SearchDocuments); and the teasers' tag and byline arrays are copied too,
        // instead of being recomputed once per link row.
        var triggers = await Sql.HasFunctionAsync(db, "newsroom_recount_article_months", ct) || await Sql.HasFunctionAsync(db, "newsroom_reindex_search", ct);
        if (triggers)
        {
            await Sql.ExecuteAsync(db, "ALTER TABLE articles DISABLE TRIGGER USER", ct);
        }

        if (await Sql.HasFunctionAsync(db, "newsroom_store_teaser_refs", ct))
        {
            await Sql.ExecuteAsync(db, "ALTER TABLE article_tags DISABLE TRIGGER USER; ALTER TABLE article_authors DISABLE TRIGGER USER", ct);
        }
    }

    /// <summary>
    /// What the application's triggers would have written, when the load bypassed them: archive counts, the teasers'
    /// arrays of articles that lack them, and the search documents when the load did not copy them all (a database loaded by an older seeder, a failed check)
    /// — then PostgreSQL builds every document, in as many id slices as there are writers, at ≈ 2.3 ms of CPU each.
    /// Runs after every seed; does nothing to documents that are all there. Returns whether it rebuilt anything.
    /// </summary>
    public static async Task<bool> CompleteAsync(NpgsqlDataSource db, int writers, TextWriter log, CancellationToken ct)
    {
        if (await Sql.HasFunctionAsync(db, "newsroom_store_teaser_refs", ct))
        {
            // Articles of an older seeder, or of a load whose COPY was cut short, get theirs from the link tables.
            await Sql.ExecuteAsync(db, """
                ALTER TABLE article_tags ENABLE TRIGGER USER; ALTER TABLE article_authors ENABLE TRIGGER USER;
                INSERT INTO article_teaser_refs (article_id, tag_refs, author_refs)
                SELECT a.id, newsroom_tag_refs(a.id), newsroom_author_refs(a.id) FROM articles a
                WHERE NOT EXISTS (SELECT 1 FROM article_teaser_refs r WHERE r.article_id = a.id)
                """, ct);
            // The copied arrays against the application's own functions, for one article in a hundred.
            await using var check = db.CreateCommand("""
                SELECT count(*) FROM article_teaser_refs r TABLESAMPLE BERNOULLI (1) REPEATABLE (42)
                WHERE r.tag_refs <> newsroom_tag_refs(r.article_id) OR r.author_refs <> newsroom_author_refs(r.article_id)
                """);
            if ((long)(await check.ExecuteScalarAsync(ct))! is var wrong and > 0)
            {
                throw new InvalidOperationException($"{wrong} sampled teaser rows differ from the link tables: the seeder no longer writes what the triggers would.");
            }
        }

        var months = await Sql.HasFunctionAsync(db, "newsroom_recount_article_months", ct);
        var search = await Sql.HasFunctionAsync(db, "newsroom_reindex_search", ct);
        if (!months && !search)
        {
            return false;
        }

        await Sql.ExecuteAsync(db, "ALTER TABLE articles ENABLE TRIGGER USER", ct);
        if (months)
        {
            await Sql.ExecuteAsync(db, "SELECT newsroom_recount_article_months()", ct);
        }

        if (!search)
        {
            return false;
        }

        await using (var complete = db.CreateCommand("""
            SELECT (SELECT count(*) FROM article_search) = (SELECT count(*) FROM articles WHERE status IN ('Published', 'Scheduled') AND published_at IS NOT NULL)
            """))
        {
            if ((bool)(await complete.ExecuteScalarAsync(ct))!)
            {
                return false;
            }
        }

        var clock = Stopwatch.StartNew();
        var slices = await IdSlices.ReadAsync(db, writers, ct);
        var written = 0L;
        await Task.WhenAll(slices.Select(async slice =>
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await Sql.ExecuteAsync(connection, "SET synchronous_commit = off", ct);
            await using var command = new NpgsqlCommand("SELECT newsroom_reindex_search($1, $2)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue(slice.From);
            command.Parameters.AddWithValue(slice.To);
            Interlocked.Add(ref written, (long)(await command.ExecuteScalarAsync(ct))!);
        }));
        log.WriteLine($"Built {written:N0} search documents in {slices.Count} slices in {clock.Elapsed.TotalSeconds:0.0} s.");
        return true;
    }
}
