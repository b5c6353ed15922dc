using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Seeding;
using Npgsql;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// Brings the database up before the server listens: starts the embedded cluster when there is no connection
/// string, applies migrations where that is the environment's policy, and seeds. Stops the cluster last on shutdown:
/// in <see cref="StoppedAsync"/>, which the host calls once every hosted service has stopped (the server has drained
/// its requests in flight, the background loops have ended), whatever the order of registration.
/// The embedded cluster is the host's (<see cref="IEmbeddedPostgres"/>): a host without one needs a connection string.
/// A database that refuses connections or is still starting is waited for, within <see cref="DatabaseStartupOptions"/>.
/// </summary>
public sealed class DatabaseStartup(
    NewsroomDatabase database,
    DataDirectory dataDirectory,
    IOptions<NewsroomOptions> options,
    IOptions<DatabaseStartupOptions> startupOptions,
    IHostEnvironment environment,
    IServiceScopeFactory scopes,
    ILogger<DatabaseStartup> logger,
    IEmbeddedPostgres? embeddedPostgres = null) : IHostedLifecycleService
{
    private const string EmbeddedDatabaseName = "newsroom";

    private readonly Lock _stopGate = new();
    private IEmbeddedPostgres? _cluster;
    private Task? _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(migrate: options.Value.ApplyMigrations ?? (database.IsEmbedded || environment.IsDevelopment()), cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing yet: requests in flight and background loops may still need the database (see <see cref="StoppedAsync"/>).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The explicit <c>--migrate</c> step of production deployments.</summary>
    public Task MigrateOnlyAsync(CancellationToken cancellationToken) => PrepareAsync(migrate: true, cancellationToken);

    /// <summary>
    /// The host can be stopped twice at once (the app's own RunAsync and a test host's disposal, on two threads):
    /// every caller waits for the one stop, so nobody sees "stopped" while the server is still shutting down.
    /// </summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate)
        {
            return _stopping ??= StopClusterAsync();
        }
    }

    private async Task StopClusterAsync()
    {
        if (Interlocked.Exchange(ref _cluster, null) is not { } cluster)
        {
            return;
        }

        // Npgsql's pools live as long as the process, keyed by connection string. A host started again in this
        // process on the same data folder (tests, an in-process restart) gets the same socket path, so it would
        // be handed these connections to the stopped server first and fail on a broken pipe.
        using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await cluster.StopAsync();
    }

    private async Task PrepareAsync(bool migrate, CancellationToken cancellationToken)
    {
        if (database.IsEmbedded)
        {
            var cluster = embeddedPostgres ?? throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings__{DependencyInjection.ConnectionStringName} (this host has no embedded PostgreSQL).");
            var directory = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory.Path, "postgres"));
            _cluster = cluster;
            database.UseEmbedded(await cluster.StartAsync(directory, EmbeddedDatabaseName, cancellationToken));
            logger.LogInformation("Embedded PostgreSQL running from {DataDirectory}", directory);
        }

        await WhileDatabaseIsAwayAsync(ct => MigrateAndSeedAsync(migrate, ct), cancellationToken);
        database.MarkReady();
    }

    /// <summary>Every step is idempotent (migrations applied once, seeds only what is missing): it can be tried again whole.</summary>
    private async Task MigrateAndSeedAsync(bool migrate, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var seeder = scope.ServiceProvider.GetRequiredService<NewsroomSeeder>();
        var demoContent = options.Value.SeedDemoContent ?? database.IsEmbedded;
        await seeder.SeedAsync(demoContent, cancellationToken);
        if (demoContent)
        {
            // Typo corrections and completions know the demo articles from the first search on.
            await db.Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW search_words", cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="prepare"/>, again while the database is away (<see cref="DatabaseOutage.IsOutage"/>:
    /// refused, unreachable, still starting up) until the bound. The whole step is retried rather than a probe
    /// connection made first, because migrating creates a missing database: a probe would fail on it. Any other
    /// refusal (a wrong password, a missing database when not migrating) will not change by waiting and fails
    /// start-up at once, as before.
    /// </summary>
    private async Task WhileDatabaseIsAwayAsync(Func<CancellationToken, Task> prepare, CancellationToken cancellationToken)
    {
        var bound = TimeSpan.FromSeconds(startupOptions.Value.StartupWaitSeconds);
        var waiting = Stopwatch.StartNew();
        for (var failures = 1; ; failures++)
        {
            try
            {
                await prepare(cancellationToken);
                return;
            }
            // EF's execution strategy wraps Npgsql's exception in an InvalidOperationException: the filter looks
            // through wrappers and lets only outages in; every other failure goes on to end start-up.
            catch (Exception away) when (DatabaseOutage.IsOutage(away))
            {
                var reason = away.GetBaseException().Message;
                if (DatabaseStartupWait.NextWait(failures, waiting.Elapsed, bound) is not { } wait)
                {
                    throw new DatabaseUnreachableException(
                        $"the database at {ServerOf(database.ConnectionString)} did not accept a connection within {bound.TotalSeconds:0} s "
                        + $"({DatabaseStartupOptions.WaitSetting}): {reason}",
                        away);
                }

                // The reason only, no stack trace: a database still starting is expected, not a bug.
                logger.LogWarning("The database at {Server} is not reachable yet ({Reason}); trying again in {WaitSeconds:0.#} s",
                    ServerOf(database.ConnectionString), reason, wait.TotalSeconds);
                await Task.Delay(wait, cancellationToken);
            }
        }
    }

    /// <summary>Host and port only: the connection string itself may hold a password.</summary>
    private static string ServerOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }
}
