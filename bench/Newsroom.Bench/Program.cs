using System.Diagnostics;
using System.Runtime.InteropServices;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Bench;
using Newsroom.Bench.Corpus;
using Newsroom.Bench.Search;
using Newsroom.Bench.Seeding;
using Newsroom.LocalPostgres;
using Npgsql;

const string Usage = """
    Newsroom.Bench: a deterministic French corpus for load tests (see bench/README.md).

      seed --articles 100000 [--seed 42] [--connection "..."] [--data-dir bench/.data]
           [--workers N] [--writers N] [--batch 1000] [--drop-indexes] [--reset] [--site-host localhost]
          Fills the database (default: database newsroom_bench on a local cluster kept in the data folder),
          writes <data-dir>/slugs.txt and <data-dir>/search-queries.txt. Re-running with the same count is a no-op.
      verify-documents [--connection "..."] [--data-dir bench/.data] [--workers N]
          Compares every public article's search document with PostgreSQL's newsroom_search_document, in N slices
          side by side (≈ 2.3 ms of CPU per article); exits with 1 if any differs, is missing or is left over.
      preview [--seed 42] [--from 0] [--count 1]
          Prints generated articles (Markdown) without touching any database.
      profile [--count 3000]
          Times, on one thread, writing the text and rendering it (where the seeder's CPU goes).
      render [--runs 5] [--only <part of a body's name>]
          Validates and renders adversarial, realistic and just-inside-the-limits bodies of up to 1 MiB, one thread;
          prints size, refusal and its time, render median/max; exits with 1 if an accepted body took over 200 ms.
      cluster start|stop|status [--data-dir bench/.data]
          start prints the connection string of newsroom_bench on stdout, as the API's embedded default builds it.
      libpq-env --connection "..."
          Prints PGHOST=… lines for pgbench/psql from an Npgsql connection string.
    """;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

try
{
    var arguments = new BenchArguments(args);
    var command = arguments.Words.Count > 0 ? arguments.Words[0] : "help";
    return command switch
    {
        "seed" => await SeedAsync(arguments, cancellation.Token),
        "verify-documents" => await VerifyDocumentsAsync(arguments, cancellation.Token),
        "preview" => Preview(arguments),
        "profile" => Profile(arguments),
        "render" => Render(arguments),
        "cluster" => await ClusterAsync(arguments, cancellation.Token),
        "libpq-env" => LibpqEnvironment(arguments),
        _ => Help(),
    };
}
catch (UsageException usage)
{
    Console.Error.WriteLine(usage.Message);
    return 64;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Interrupted.");
    return 130;
}
catch (PostgresBinariesNotFoundException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 2;
}

static int Help()
{
    Console.WriteLine(Usage);
    return 0;
}

static async Task<int> SeedAsync(BenchArguments arguments, CancellationToken ct)
{
    var articles = arguments.Int("articles", 100_000);
    var seed = arguments.Int("seed", 42);
    var connection = arguments.String("connection");
    var dataDirectory = DataDirectory(arguments);
    var workers = arguments.Int("workers", Environment.ProcessorCount);
    var writers = arguments.Int("writers", Environment.ProcessorCount);
    var batch = arguments.Int("batch", 1000);
    var dropIndexes = arguments.Flag("drop-indexes");
    var reset = arguments.Flag("reset");
    var siteHost = arguments.String("site-host") ?? "localhost";
    arguments.EnsureAllRead();

    return await OnDatabaseAsync(connection, dataDirectory, async (connectionString, ownCluster) =>
    {
        if (reset)
        {
            await DropDatabaseAsync(connectionString, ct);
        }

        var options = new SeedOptions(articles, seed, connectionString, dataDirectory, Math.Max(1, batch), Math.Max(1, workers), Math.Max(1, writers),
            DropIndexes: dropIndexes, OwnCluster: ownCluster, siteHost);
        await new BenchSeeder(options, Console.Out).RunAsync(ct);
        return 0;
    }, ct);
}

static async Task<int> VerifyDocumentsAsync(BenchArguments arguments, CancellationToken ct)
{
    var connection = arguments.String("connection");
    var dataDirectory = DataDirectory(arguments);
    var workers = arguments.Int("workers", Environment.ProcessorCount);
    arguments.EnsureAllRead();

    return await OnDatabaseAsync(connection, dataDirectory, async (connectionString, _) =>
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();
        var result = await SearchDocumentCheck.AllAsync(db, Math.Max(1, workers), ct);
        var stale = await SearchDocumentCheck.StaleAsync(db, ct);
        Console.WriteLine($"Checked the search documents of {result.Checked:N0} public articles in {clock.Elapsed.TotalSeconds:0.0} s: " +
                          $"{result.Different:N0} differ from newsroom_search_document, {result.Missing:N0} missing, {stale:N0} left over from non-public articles.");
        if (result.Example is { } example)
        {
            Console.WriteLine("First: " + await SearchDocumentCheck.DescribeAsync(db, example, ct));
        }

        return result.Passed && stale == 0 ? 0 : 1;
    }, ct);
}

// Runs against --connection, or against the bench cluster in the data folder: started if need be (and then stopped
// afterwards), database created if missing. The callback learns which it got.
static async Task<int> OnDatabaseAsync(string? connection, string dataDirectory, Func<string, bool, Task<int>> run, CancellationToken ct)
{
    var cluster = connection is null ? new BenchCluster(dataDirectory) : null;
    var started = false;
    try
    {
        if (cluster is not null)
        {
            started = await cluster.StartAsync(ct);
            Console.WriteLine($"{(started ? "Started" : "Using the running")} PostgreSQL cluster in {cluster.DataDirectory}/pg.");
            await EnsureDatabaseAsync(cluster.ConnectionString("postgres"), BenchCluster.Database, ct);
        }

        return await run(connection ?? cluster!.ConnectionString(), cluster is not null);
    }
    finally
    {
        if (started)
        {
            await cluster!.StopAsync();
            Console.WriteLine("Stopped the PostgreSQL cluster this command started.");
        }
    }
}

static int Preview(BenchArguments arguments)
{
    var seed = arguments.Int("seed", 42);
    var from = arguments.Int("from", 0);
    var count = arguments.Int("count", 1);
    arguments.EnsureAllRead();
    var factory = new ArticleFactory(seed, new Catalog(seed), new ArticleBodyRenderer("localhost"));
    for (var i = from; i < from + count; i++)
    {
        var a = factory.Create(i);
        Console.WriteLine($"# {a.Title}\n\n{a.Standfirst}\n\n[{a.Section.Name}] {a.PublishedAt:u} · {string.Join(", ", a.Tags.Select(t => t.Name))} · " +
                          $"{string.Join(", ", a.Authors.Select(au => au.Name))} · {a.Rendered.WordCount} mots, {a.Rendered.ReadingTimeMinutes} min · {a.BaseSlug}\n\n{a.Body}");
    }

    return 0;
}

// Where the seeder's own CPU goes, on one thread: writing the French text, or rendering it the application's way.
static int Profile(BenchArguments arguments)
{
    var seed = arguments.Int("seed", 42);
    var count = arguments.Int("count", 3000);
    arguments.EnsureAllRead();
    var renderer = new ArticleBodyRenderer("localhost");
    var factory = new ArticleFactory(seed, new Catalog(seed), renderer);
    for (var i = 0; i < 200; i++)
    {
        factory.Create(i); // JIT and caches
    }

    var bodies = new List<string>(count);
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        var rng = Rng.For(seed, stream: 2, 1_000_000 + i);
        var writer = new ArticleWriter(rng);
        var title = writer.Title(interview: false);
        writer.Standfirst();
        bodies.Add(writer.Body(title));
    }

    var writing = clock.Elapsed.TotalMilliseconds / count;
    clock.Restart();
    foreach (var body in bodies)
    {
        Markdig.Markdown.ToHtml(body);
    }

    var markdown = clock.Elapsed.TotalMilliseconds / count;
    clock.Restart();
    foreach (var body in bodies)
    {
        renderer.Render(body);
    }

    var render = clock.Elapsed.TotalMilliseconds / count;
    Console.WriteLine($"per article, one thread: writing {writing:0.000} ms, Markdig alone {markdown:0.000} ms, " +
                      $"ArticleBodyRenderer.Render (Markdig + sanitiser + text) {render:0.000} ms");
    return 0;
}

static int Render(BenchArguments arguments)
{
    var seed = arguments.Int("seed", 42);
    var runs = Math.Max(1, arguments.Int("runs", 5));
    var only = arguments.String("only");
    arguments.EnsureAllRead();
    return Newsroom.Bench.Rendering.RenderBench.Run(seed, runs, only, Console.Out);
}

static async Task<int> ClusterAsync(BenchArguments arguments, CancellationToken ct)
{
    var action = arguments.Words.Count > 1 ? arguments.Words[1] : "status";
    var cluster = new BenchCluster(DataDirectory(arguments));
    arguments.EnsureAllRead();
    switch (action)
    {
        case "start":
            var started = await cluster.StartAsync(ct);
            await EnsureDatabaseAsync(cluster.ConnectionString("postgres"), BenchCluster.Database, ct);
            Console.Error.WriteLine(started ? $"Started PostgreSQL in {cluster.DataDirectory}/pg." : $"PostgreSQL was already running in {cluster.DataDirectory}/pg.");
            Console.WriteLine(cluster.ApplicationConnectionString());
            return 0;
        case "stop":
            if (!cluster.IsRunning)
            {
                Console.Error.WriteLine("Not running.");
                return 0;
            }

            await cluster.StartAsync(ct); // adopts the running server so that StopAsync knows it
            await cluster.StopAsync();
            Console.Error.WriteLine($"Stopped PostgreSQL in {cluster.DataDirectory}/pg.");
            return 0;
        default:
            Console.WriteLine(cluster.IsRunning ? "running" : "stopped");
            return cluster.IsRunning ? 0 : 3;
    }
}

static int LibpqEnvironment(BenchArguments arguments)
{
    var connection = arguments.String("connection") ?? throw new UsageException("libpq-env needs --connection.");
    arguments.EnsureAllRead();
    Console.WriteLine(BenchCluster.LibpqEnvironment(connection));
    return 0;
}

static string DataDirectory(BenchArguments arguments)
{
    var configured = arguments.String("data-dir");
    if (configured is not null)
    {
        return Path.GetFullPath(configured);
    }

    // bench/.data of the clone we run from (git-ignored), whatever the current directory.
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Api.sln")))
            {
                return Path.Combine(dir.FullName, "bench", ".data");
            }
        }
    }

    return Path.GetFullPath(Path.Combine("bench", ".data"));
}

static async Task EnsureDatabaseAsync(string maintenanceConnection, string database, CancellationToken ct)
{
    await using var connection = new NpgsqlConnection(maintenanceConnection);
    await connection.OpenAsync(ct);
    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
    exists.Parameters.AddWithValue(database);
    if (await exists.ExecuteScalarAsync(ct) is null)
    {
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }
}

static async Task DropDatabaseAsync(string connectionString, CancellationToken ct)
{
    var builder = new NpgsqlConnectionStringBuilder(connectionString);
    var database = builder.Database ?? throw new UsageException("The connection string names no database.");
    // --reset deletes everything: only ever on a database that is plainly a benchmark's.
    if (!database.StartsWith(BenchCluster.Database, StringComparison.Ordinal))
    {
        throw new UsageException($"--reset only drops databases named {BenchCluster.Database}*, not '{database}'.");
    }

    NpgsqlConnection.ClearAllPools();
    builder.Database = "postgres";
    await using var connection = new NpgsqlConnection(builder.ConnectionString);
    await connection.OpenAsync(ct);
    await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection))
    {
        await drop.ExecuteNonQueryAsync(ct);
    }

    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
    await create.ExecuteNonQueryAsync(ct);
    Console.WriteLine($"Dropped and recreated database {database}.");
}
