using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Publishing;

/// <summary>Settings of the scheduled publisher (configuration section <c>Newsroom:Publishing</c>), validated at start-up.</summary>
public sealed class PublishingOptions
{
    public const string SectionName = "Newsroom:Publishing";

    /// <summary>How often due articles are looked for. Readers see a due article at once anyway; this only moves its status.</summary>
    [Range(0.05, 86_400)]
    public double PollSeconds { get; set; } = 1;
}

/// <summary>
/// Sends <see cref="PublishDueArticles"/> on every tick once the database is ready, each time in a fresh scope and so
/// through the whole pipeline (its transaction, its cache eviction) like any other command. While the database is
/// away it backs off (<see cref="DatabaseOutageWatch"/>) instead of failing every tick.
/// </summary>
public sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<PublishingOptions> options,
    NewsroomDatabase database,
    NewsroomMetrics metrics,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var outage = new DatabaseOutageWatch("scheduled publishing", logger, metrics);
        var wait = interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
                wait = interval;
                if (database.IsReady)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PublishDueArticles(), stoppingToken);
                    outage.Succeeded();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (outage.TryWaitOut(ex, out var backoff))
            {
                wait = backoff > interval ? backoff : interval;
            }
            catch (Exception ex)
            {
                // The boundary of a round: whatever failed it (a lost race, or the NullReferenceException Npgsql 10.0.3
                // was seen to throw on the first query after the database restarted) is retried on the next tick.
                // Escaping, it would end the loop and, by BackgroundService's default, stop the whole host.
                LogRoundFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled publishing round failed; retrying")]
    private partial void LogRoundFailed(Exception exception);
}
