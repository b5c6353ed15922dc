using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Bench.Corpus;
using Newsroom.Bench.Search;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.Bench.Seeding;

internal sealed record SeedOptions(
    int Articles,
    int Seed,
    string ConnectionString,
    string DataDirectory,
    int BatchSize,
    int Workers,
    int Writers,
    bool DropIndexes,
    bool OwnCluster,
    string SiteHost);

/// <summary>
/// Fills a database with a deterministic corpus: migrations (the application's), the catalog (tags, authors), then
/// articles generated and rendered in parallel while the previous batch is copied in. Resumable: every batch
/// commits with the running count, and a rerun continues where it stopped (or says "seeded already").
/// </summary>
internal sealed class BenchSeeder(SeedOptions options, TextWriter log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var migrated = await MigrateAsync(ct);
        await using var db = NpgsqlDataSource.Create(options.ConnectionString);
        var state = await SeedState.LoadAsync(db, options.Seed, ct);
        if (migrated && state.Articles > 0)
        {
            log.WriteLine("Warning: migrations were applied to a database the bench had already filled; columns they added " +
                          "(search_tags, say) are not backfilled for those articles. Use --reset for a corpus as the application would write it.");
        }

        var loaded = false;
        if (state.Articles == options.Articles)
        {
            log.WriteLine($"Seeded already: {state.Articles:N0} articles (seed {options.Seed}).");
        }
        else
        {
            if (state.Articles > options.Articles)
            {
                throw new UsageException(
                    $"The database holds {state.Articles:N0} bench articles, more than the {options.Articles:N0} asked for. " +
                    "Use --reset to start again (or another --data-dir).");
            }

            var catalog = new Catalog(options.Seed);
            if (state.Articles == 0)
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                await ArticleCopy.WriteCatalogAsync(connection, catalog, ct);
            }

            await LoadAsync(db, catalog, state.Articles, ct);
            loaded = true;
        }

        // Also what an interrupted run left undone: triggers back on, their tables complete, indexes rebuilt.
        var rebuilt = await TriggerTables.CompleteAsync(db, options.Writers, log, ct);
        var restored = await RestoreIndexesAsync(db, ct);
        if (loaded || rebuilt || restored)
        {
            await AnalyzeAsync(db, ct);
        }

        await FilesAsync(db, ct);
        await CheckReadBackAsync(ct);
        log.WriteLine($"Done in {total.Elapsed.TotalSeconds:0.0} s.");
    }

    private async Task<bool> MigrateAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var context = CreateContext();
        var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await context.Database.MigrateAsync(ct);
            log.WriteLine($"Applied {pending.Count} migration(s) in {clock.ElapsedMilliseconds} ms: {string.Join(", ", pending)}");
        }

        return pending.Count > 0;
    }

    private async Task LoadAsync(NpgsqlDataSource db, Catalog catalog, int start, CancellationToken ct)
    {
        if (options.OwnCluster)
        {
            // Our own cluster: fewer checkpoints during a multi-gigabyte load. Kept afterwards, harmless for reads.
            await Sql.ExecuteAsync(db, "ALTER SYSTEM SET max_wal_size = '8GB'", ct);
            await Sql.ExecuteAsync(db, "SELECT pg_reload_conf()", ct);
        }

        var clock = Stopwatch.StartNew();
        if (options.DropIndexes)
        {
            var dropped = await SecondaryIndexes.DropAsync(db, ct);
            log.WriteLine($"Dropped {dropped} secondary indexes for the load ({clock.ElapsedMilliseconds} ms).");
        }

        await TriggerTables.DisableForLoadAsync(db, ct);

        var slugs = await ExistingSlugsAsync(db, ct);
        var optional = await ArticleCopy.OptionalColumns.ReadAsync(db, ct);
        var factory = new ArticleFactory(options.Seed, catalog, new ArticleBodyRenderer(options.SiteHost));
        var documents = await Sql.HasFunctionAsync(db, "newsroom_search_document", ct) ? new SearchDocuments() : null;
        var batches = Channel.CreateBounded<LoadBatch>(new BoundedChannelOptions(options.Writers + 1) { SingleReader = options.Writers == 1, SingleWriter = true });
        var metrics = new LoadMetrics(start, options.Articles, log);

        log.WriteLine($"Seeding articles {start:N0} to {options.Articles:N0} (seed {options.Seed}, {options.Workers} rendering workers, " +
                      $"{options.Writers} COPY connections, batches of {options.BatchSize:N0})…");
        var producer = Task.Run(() => ProduceAsync(db, factory, documents, slugs, start, batches.Writer, metrics, ct), ct);
        // Several COPY connections: PostgreSQL computes generated columns (search_head), compresses and indexes in the
        // backend that receives the rows, and one backend is one core. Batches may then commit out of order;
        // SeedState repairs an interrupted load back to its longest complete prefix.
        await Task.WhenAll(Enumerable.Range(0, options.Writers).Select(async _ =>
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await Sql.ExecuteAsync(connection, "SET synchronous_commit = off", ct);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                var copy = Stopwatch.StartNew();
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await ArticleCopy.WriteAsync(connection, batch.Articles, optional, ct);
                if (batch.Documents is not null)
                {
                    await ArticleCopy.WriteSearchDocumentsAsync(connection, batch.Articles, batch.Documents, ct);
                }

                await SeedState.AdvanceAsync(connection, transaction, batch.Articles.Length, ct);
                await transaction.CommitAsync(ct);
                metrics.Copied(batch.Articles.Length, copy.Elapsed);
            }
        }));

        await producer; // surfaces a generation failure
        metrics.Summary();
        if (documents is not null)
        {
            await SearchDocumentCheck.AfterLoadAsync(db, start, options.Articles, options.BatchSize, options.Writers, log, ct);
        }
    }

    /// <summary>
    /// Freshly copied pages have no visibility map and no statistics: without this the benchmark would meet
    /// autovacuum halfway through and seq-scan plans before it.
    /// </summary>
    private async Task AnalyzeAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var analyze = Stopwatch.StartNew();
        foreach (var table in new[] { "articles", "article_tags", "article_authors", "tags", "authors", "bench.slugs" })
        {
            await Sql.ExecuteAsync(db, $"VACUUM (ANALYZE) {table}", ct);
        }

        if (await Sql.HasFunctionAsync(db, "newsroom_reindex_search", ct))
        {
            await Sql.ExecuteAsync(db, "VACUUM (ANALYZE) article_search", ct);
        }

        if (await Sql.HasFunctionAsync(db, "newsroom_store_teaser_refs", ct))
        {
            await Sql.ExecuteAsync(db, "VACUUM (ANALYZE) article_teaser_refs", ct);
        }

        log.WriteLine($"VACUUM (ANALYZE) in {analyze.Elapsed.TotalSeconds:0.0} s.");
        await RefreshSearchVocabularyAsync(db, ct);
    }

    // Typo corrections and completions read a materialized view of the corpus's words (when the schema has it); the
    // API refreshes it every few minutes, the seeder at once so the first search already knows the corpus.
    private async Task RefreshSearchVocabularyAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var exists = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_matviews WHERE schemaname = 'public' AND matviewname = 'search_words')");
        if ((bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            var clock = Stopwatch.StartNew();
            await Sql.ExecuteAsync(db, "REFRESH MATERIALIZED VIEW search_words", ct);
            await Sql.ExecuteAsync(db, "ANALYZE search_words", ct);
            log.WriteLine($"Refreshed the search vocabulary (search_words) in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
    }

    private async Task ProduceAsync(
        NpgsqlDataSource db, ArticleFactory factory, SearchDocuments? documents, HashSet<string> slugs, int start, ChannelWriter<LoadBatch> output, LoadMetrics metrics, CancellationToken ct)
    {
        try
        {
            await using var connection = documents is null ? null : await db.OpenConnectionAsync(ct);
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = ct };
            for (var first = start; first < options.Articles; first += options.BatchSize)
            {
                var render = Stopwatch.StartNew();
                var batch = new GeneratedArticle[Math.Min(options.BatchSize, options.Articles - first)];
                Parallel.For(0, batch.Length, parallel, i => batch[i] = factory.Create(first + i));

                // Uniqueness is decided in index order, so a corpus does not depend on which thread finished first.
                foreach (var article in batch)
                {
                    article.Slug = UniqueSlug(slugs, article.BaseSlug);
                }

                metrics.Rendered(batch.Length, render.Elapsed);
                byte[][]? searchDocuments = null;
                if (documents is not null)
                {
                    var clock = Stopwatch.StartNew();
                    searchDocuments = await documents.BuildAsync(connection!, batch, parallel, ct);
                    metrics.Documented(clock.Elapsed, documents.Asking, documents.Learnt);
                }

                await output.WriteAsync(new LoadBatch(batch, searchDocuments), ct);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    private static string UniqueSlug(HashSet<string> used, string baseSlug)
    {
        if (used.Add(baseSlug))
        {
            return baseSlug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static async Task<HashSet<string>> ExistingSlugsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        await using var command = db.CreateCommand("SELECT slug FROM articles UNION ALL SELECT slug FROM article_slug_history");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            slugs.Add(reader.GetString(0));
        }

        return slugs;
    }

    /// <summary>Builds the indexes a load dropped (or an interrupted one left dropped); returns whether there were any.</summary>
    private async Task<bool> RestoreIndexesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var restored = await SecondaryIndexes.RestoreAsync(db, parallelism: Math.Max(1, options.Workers), ct);
        if (restored > 0)
        {
            log.WriteLine($"Built {restored} secondary indexes in {clock.Elapsed.TotalSeconds:0.0} s.");
        }

        return restored > 0;
    }

    /// <summary>The slug list for wrk and the search mix, beside the cluster in the data folder.</summary>
    private async Task FilesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var slugFile = Path.Combine(options.DataDirectory, "slugs.txt");
        var count = 0;
        await using (var connection = await db.OpenConnectionAsync(ct))
        await using (var writer = new StreamWriter(slugFile + ".tmp"))
        {
            using var reader = await connection.BeginTextExportAsync("COPY (SELECT slug FROM bench.slugs ORDER BY n) TO STDOUT", ct);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                await writer.WriteLineAsync(line);
                count++;
            }
        }

        File.Move(slugFile + ".tmp", slugFile, overwrite: true);
        var queries = Path.Combine(options.DataDirectory, "search-queries.txt");
        await File.WriteAllTextAsync(queries, SearchQueries.Text(), ct);
        log.WriteLine($"Wrote {count:N0} slugs to {slugFile} and the search mix to {queries}.");
    }

    /// <summary>Reads an article back through the application's own model, so a format the seeder got wrong (the
    /// JSON of the cover image, say) fails here rather than as a 500 under load.</summary>
    private async Task CheckReadBackAsync(CancellationToken ct)
    {
        await using var context = CreateContext();
        var article = await context.Articles.AsNoTracking().Where(a => a.CoverImage != null).OrderBy(a => a.Id).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No article with a cover image was found after seeding.");
        if (string.IsNullOrEmpty(article.CoverImage!.Url) || article.Tags.Count == 0 || article.Authors.Count == 0 || article.BodyHtml.Length == 0)
        {
            throw new InvalidOperationException($"Article {article.Slug} does not read back whole through EF Core.");
        }
    }

    /// <summary>A batch for the COPY connections: its articles and, when the schema has them, their search documents.</summary>
    private sealed record LoadBatch(GeneratedArticle[] Articles, byte[][]? Documents);

    private NewsroomDbContext CreateContext() => new(new DbContextOptionsBuilder<NewsroomDbContext>()
        .UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
