using System.Diagnostics;
using Npgsql;

namespace Newsroom.Bench.Seeding;

/// <summary>
/// The bench's own bookkeeping, in schema <c>bench</c> beside the application's tables (which never look at it):
/// which seed filled the database and how far, the slug of each article by number (for pgbench), and the
/// definitions of indexes dropped for a load.
/// </summary>
internal sealed record SeedState(int Seed, int Articles)
{
    public static async Task<SeedState> LoadAsync(NpgsqlDataSource db, int seed, CancellationToken ct)
    {
        await using (var schema = db.CreateCommand(
            """
            CREATE SCHEMA IF NOT EXISTS bench;
            CREATE TABLE IF NOT EXISTS bench.seed_info (id int PRIMARY KEY CHECK (id = 1), seed int NOT NULL, articles int NOT NULL);
            CREATE TABLE IF NOT EXISTS bench.slugs (n int PRIMARY KEY, slug text NOT NULL);
            CREATE TABLE IF NOT EXISTS bench.dropped_indexes (name text PRIMARY KEY, definition text NOT NULL);
            """))
        {
            await schema.ExecuteNonQueryAsync(ct);
        }

        await using (var read = db.CreateCommand("SELECT seed, articles FROM bench.seed_info"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                var state = new SeedState(reader.GetInt32(0), reader.GetInt32(1));
                if (state.Seed != seed)
                {
                    throw new UsageException($"The database was seeded with --seed {state.Seed}, not {seed}. Use --reset to start again.");
                }

                await reader.DisposeAsync();
                return state with { Articles = await KeepCompletePrefixAsync(db, ct) };
            }
        }

        await using (var count = db.CreateCommand("SELECT count(*) FROM articles"))
        {
            var existing = (long)(await count.ExecuteScalarAsync(ct))!;
            if (existing > 0)
            {
                throw new UsageException(
                    $"The database already holds {existing:N0} articles the bench did not write. Seed an empty database, or use --reset on the bench's own.");
            }
        }

        await using (var insert = db.CreateCommand("INSERT INTO bench.seed_info (id, seed, articles) VALUES (1, $1, 0)"))
        {
            insert.Parameters.AddWithValue(seed);
            await insert.ExecuteNonQueryAsync(ct);
        }

        return new SeedState(seed, 0);
    }

    /// <summary>
    /// Batches written by parallel connections commit in any order, so a load killed half-way can leave article 5,001
    /// without article 4,001. Articles after the first gap are deleted (their links cascade), so a resumed load
    /// continues from a corpus that is exactly the first N articles.
    /// </summary>
    private static async Task<int> KeepCompletePrefixAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var repair = new NpgsqlCommand(
            """
            WITH prefix AS (
                -- The end of the run that starts at 1: the smallest n whose successor is missing (0 without article 1).
                SELECT CASE WHEN EXISTS (SELECT 1 FROM bench.slugs WHERE n = 1)
                            THEN (SELECT min(n) FROM bench.slugs s WHERE NOT EXISTS (SELECT 1 FROM bench.slugs p WHERE p.n = s.n + 1))
                            ELSE 0 END AS n),
            orphans AS (DELETE FROM bench.slugs WHERE n > (SELECT n FROM prefix) RETURNING slug),
            gone AS (DELETE FROM articles WHERE slug IN (SELECT slug FROM orphans))
            UPDATE bench.seed_info SET articles = (SELECT n FROM prefix)
            RETURNING articles
            """, connection, transaction);
        var articles = (int)(await repair.ExecuteScalarAsync(ct))!;
        await transaction.CommitAsync(ct);
        return articles;
    }

    /// <summary>Counts a batch in the same transaction as its rows, so the count never runs ahead of the data.</summary>
    public static async Task AdvanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int articles, CancellationToken ct)
    {
        await using var update = new NpgsqlCommand("UPDATE bench.seed_info SET articles = articles + $1", connection, transaction);
        update.Parameters.AddWithValue(articles);
        await update.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Progress lines and where the time went: rendering and search documents (parallel, in .NET) or copying (PostgreSQL).</summary>
internal sealed class LoadMetrics(int start, int end, TextWriter log)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private TimeSpan rendering;
    private TimeSpan copying;
    private TimeSpan documenting;
    private TimeSpan asking;
    private int chunks;
    private int copied;
    private int nextReport = Math.Max(1, (end - start) / 10);

    public void Rendered(int count, TimeSpan elapsed)
    {
        lock (gate)
        {
            rendering += elapsed;
        }
    }

    /// <summary>A batch's search documents; <paramref name="askingSoFar"/>: all the time PostgreSQL took to read new chunks.</summary>
    public void Documented(TimeSpan elapsed, TimeSpan askingSoFar, int learntChunks)
    {
        lock (gate)
        {
            documenting += elapsed;
            asking = askingSoFar;
            chunks = learntChunks;
        }
    }

    public void Copied(int count, TimeSpan elapsed)
    {
        lock (gate)
        {
            copying += elapsed;
            copied += count;
            if (copied >= nextReport || start + copied == end)
            {
                nextReport += Math.Max(1, (end - start) / 10);
                log.WriteLine($"  {start + copied,10:N0} articles  {clock.Elapsed.TotalSeconds,7:0.0} s  {copied / clock.Elapsed.TotalSeconds,7:N0} articles/s");
            }
        }
    }

    public void Summary()
    {
        var wall = clock.Elapsed.TotalSeconds;
        log.WriteLine($"Loaded {copied:N0} articles in {wall:0.0} s ({copied / Math.Max(wall, 0.001):N0}/s); " +
                      $"generating+rendering busy {rendering.TotalSeconds:0.0} s, COPY busy {copying.TotalSeconds:0.0} s (they overlap).");
        if (documenting > TimeSpan.Zero)
        {
            log.WriteLine($"Search documents: busy {documenting.TotalSeconds:0.0} s, of which {asking.TotalSeconds:0.0} s while PostgreSQL read {chunks:N0} distinct chunks.");
        }
    }
}
