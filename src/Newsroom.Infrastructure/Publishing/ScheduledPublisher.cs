using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Publishing;

/// <summary>Settings of the scheduled publisher (configuration section <c>Newsroom:Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Newsroom:Publishing";

    /// <summary>How often due articles are looked for. Readers see a due article at once anyway; this only moves its status.</summary>
    public double PollSeconds { get; set; } = 1;
}

/// <summary>
/// Moves scheduled articles whose instant has come to published, records the revision and the publication event.
/// Several API instances may run it: rows are claimed with FOR UPDATE SKIP LOCKED, so each article is published once.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<PublishingOptions> options,
    NewsroomDatabase database,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                if (database.IsReady)
                {
                    await PublishDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                // A failed round (database restarting, a lost race) is retried on the next tick rather than killing the host.
                LogRoundFailed(ex);
            }
        }
    }

    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var now = clock.GetUtcNow();
        await using var transaction = await unitOfWork.BeginTransactionAsync(cancellationToken);
        var due = await db.Articles
            .FromSql($"SELECT *, xmin FROM articles WHERE status = 'Scheduled' AND publish_at <= {now} ORDER BY publish_at LIMIT 100 FOR UPDATE SKIP LOCKED")
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // The same revision an editor's publication records; outside a request nobody is signed in, so it is the system's.
        var writing = scope.ServiceProvider.GetRequiredService<ArticleWriting>();
        foreach (var article in due.Where(a => a.GoLiveIfDue(now)))
        {
            await writing.RecordRevisionAsync(article, "published", ["status"], null, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (scope.ServiceProvider.GetService<IContentChangeNotifier>() is { } contentChanges)
        {
            await contentChanges.ContentChangedAsync(cancellationToken);
        }

        LogPublished(due.Count);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled article(s)")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publishing round failed; retrying")]
    private partial void LogRoundFailed(Exception exception);
}
