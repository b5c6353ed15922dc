using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Outbox;

/// <summary>
/// Hands the outbox's messages to their handlers (<see cref="IOutboxHandler"/>), on every instance: woken right after
/// a local commit (<see cref="OutboxSignal"/>), and every <see cref="OutboxOptions.PollSeconds"/> for messages other
/// instances wrote and retries that came due. Each message is claimed by one instance at a time
/// (<see cref="OutboxClaims"/>) and marked processed once its handler is done with it, so a message handled
/// successfully is handled once. Messages of types no handler takes are marked processed at once: the backlog gauge
/// then counts only work still to do. While the database is away it backs off like the other background loops.
/// </summary>
internal sealed partial class OutboxDispatcher(
    OutboxClaims claims,
    OutboxSignal signal,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<OutboxOptions> options,
    NewsroomDatabase database,
    NewsroomMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 16;

    /// <summary>The wait after a handler threw: it is a bug or an outage of its own, not worth a tight loop.</summary>
    private static readonly TimeSpan AfterHandlerFailure = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.MessageType, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var outage = new DatabaseOutageWatch("the outbox's dispatch", logger, metrics);
        var types = _handlers.Keys.ToArray();
        var wait = interval;
        while (await signal.WaitAsync(wait, stoppingToken))
        {
            wait = interval;
            if (!database.IsReady)
            {
                continue;
            }

            try
            {
                await claims.SkipUnhandledAsync(types, stoppingToken);
                while (await DispatchBatchAsync(types, stoppingToken) == Batch)
                {
                }

                outage.Succeeded();
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
                // The boundary of a round: whatever failed it is retried on the next one. Escaping, it would end the
                // loop and, by BackgroundService's default, stop the whole host.
                LogRoundFailed(ex);
            }
        }
    }

    /// <summary>Claims and handles one batch; the number claimed (a full batch means there may be more).</summary>
    private async Task<int> DispatchBatchAsync(string[] types, CancellationToken stoppingToken)
    {
        var claimed = await claims.ClaimAsync(types, Batch, stoppingToken);
        foreach (var message in claimed)
        {
            OutboxOutcome outcome;
            try
            {
                outcome = await _handlers[message.Type].HandleAsync(message, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping mid-way: the message is due again at once for whichever instance runs next, not after the lease.
                await claims.RecordAsync(message.Id, OutboxOutcome.Retry(TimeSpan.Zero), CancellationToken.None);
                throw;
            }
            catch (Exception ex) when (!DatabaseOutage.IsOutage(ex))
            {
                // A handler's boundary: its message is tried again later instead of failing the others of the batch.
                LogHandlerFailed(ex, message.Type, message.Id);
                outcome = OutboxOutcome.Retry(AfterHandlerFailure);
            }

            await claims.RecordAsync(message.Id, outcome, stoppingToken);
        }

        return claimed.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching the outbox failed; retrying")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler of {Type} failed on outbox message {Id}; it is tried again later")]
    private partial void LogHandlerFailed(Exception exception, string type, Guid id);
}
