using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Search;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Search;

/// <summary>Rebuilds the vocabulary of typo corrections and completions now and then (CONCURRENTLY: searches never wait on it).</summary>
internal sealed partial class SearchVocabularyRefresher(
    IServiceScopeFactory scopes,
    IOptions<SearchOptions> options,
    NewsroomDatabase database,
    ILogger<SearchVocabularyRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.VocabularyRefreshSeconds));
        using var timer = new PeriodicTimer(interval);
        // The first tick waits a whole interval: start-up already refreshed what it seeded, and a refresh racing the
        // host's own start or stop only costs.
        while (await WaitAsync(timer, stoppingToken))
        {
            if (!database.IsReady)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
                await db.Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW CONCURRENTLY search_words", stoppingToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // A failed refresh keeps the previous vocabulary; the next tick tries again.
                LogRefreshFailed(ex);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the search vocabulary failed")]
    private partial void LogRefreshFailed(Exception exception);
}
