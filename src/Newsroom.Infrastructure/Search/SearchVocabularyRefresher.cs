using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Application.Search;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// Rebuilds the vocabulary (<c>search_words</c>) that <see cref="PostgresSearchVocabulary"/> corrects typos and
/// completes words from, CONCURRENTLY (searches never wait on it), soon after every committed change readers can see
/// and every <see cref="SearchOptions.VocabularyRefreshSeconds"/> as a repair.
/// A scheduled article's words need no rebuild to go live (the vocabulary knows from when each word is public);
/// a withdrawn, unscheduled, deleted or edited article's words do, to disappear. One rebuild runs at a time, and the
/// changes notified during it are all covered by the next one, so a burst of publications costs two rebuilds. Each
/// rebuild drops the searches cached meanwhile here; one that covers changes also announces <see cref="CacheKeys.Search"/>
/// (<see cref="IPublicChangeAnnouncer"/>), so the other instances and the edge caches drop theirs too. The periodic
/// repair, which every instance runs, evicts only its own.
/// </summary>
internal sealed partial class SearchVocabularyRefresher(
    IServiceScopeFactory scopes,
    IOptions<SearchOptions> options,
    NewsroomDatabase database,
    IEnumerable<IPublicResponseCache> responseCaches,
    Replication.ReplayProgress replay,
    NewsroomMetrics metrics,
    ILogger<SearchVocabularyRefresher> logger) : BackgroundService
{
    /// <summary>What a rebuild makes stale: searches and completions, nothing else.</summary>
    private static readonly PublicChange Searches = PublicChange.Of([CacheKeys.Search]);

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Changes notified so far, and how many of them the last completed rebuild covers.</summary>
    private long _requested;
    private long _covered;

    private TaskCompletionSource _rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Asks for a rebuild covering every change committed so far; returns at once.</summary>
    public void RequestRefresh()
    {
        Interlocked.Increment(ref _requested);
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A rebuild is already asked for, and it will cover this change too.
        }
    }

    /// <summary>Completes once a rebuild begun after every change notified so far has finished.</summary>
    public async Task CaughtUpAsync(CancellationToken cancellationToken)
    {
        var target = Volatile.Read(ref _requested);
        while (true)
        {
            // The signal is read before the count, so a rebuild that ends in between completes it rather than being missed.
            var rebuilt = Volatile.Read(ref _rebuilt).Task;
            if (Volatile.Read(ref _covered) >= target)
            {
                return;
            }

            await rebuilt.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.VocabularyRefreshSeconds);
        var outage = new DatabaseOutageWatch("the search vocabulary's refresh", logger, metrics);
        var wait = interval;
        // The first rebuild waits for a change or a whole interval: start-up already refreshed what it seeded.
        while (await WaitAsync(wait, stoppingToken))
        {
            wait = interval;
            if (!database.IsReady)
            {
                continue;
            }

            var covering = Volatile.Read(ref _requested);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
                await db.Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW CONCURRENTLY search_words", stoppingToken);
                replay.ChangeCommitted();
                foreach (var cache in responseCaches)
                {
                    await cache.EvictAsync(Searches, stoppingToken);
                }

                // Outside any transaction: what an announcer records is committed at once.
                if (covering > Volatile.Read(ref _covered))
                {
                    foreach (var announcer in scope.ServiceProvider.GetServices<IPublicChangeAnnouncer>())
                    {
                        await announcer.AnnounceAsync(Searches, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && outage.TryWaitOut(ex, out var backoff))
            {
                // The changes it was to cover stay uncovered: it tries again once the back-off has passed.
                wait = backoff < interval ? backoff : interval;
                continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The boundary of a refresh: a failed one keeps the previous vocabulary and the next change or tick tries
                // again. Escaping, any exception would end the loop and, by BackgroundService's default, stop the host.
                LogRefreshFailed(ex);
                continue;
            }

            outage.Succeeded();
            Volatile.Write(ref _covered, covering);
            Interlocked.Exchange(ref _rebuilt, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>Until a change is notified or the interval passes; false when the host stops.</summary>
    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await _wake.WaitAsync(interval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the search vocabulary failed")]
    private partial void LogRefreshFailed(Exception exception);
}
