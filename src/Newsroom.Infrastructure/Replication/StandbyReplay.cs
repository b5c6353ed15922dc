using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Reading;
using Newsroom.Infrastructure.Startup;
using Npgsql;
using NpgsqlTypes;

namespace Newsroom.Infrastructure.Replication;

/// <summary>
/// Follows the standby's replay while it is behind (<see cref="ReplayProgress"/>): asks the primary for its WAL insert
/// position after each counted change (the insert position, not the written one: with asynchronous commit a commit
/// record may be inserted and not yet written), then polls the standby's <c>pg_last_wal_replay_lsn()</c> every
/// <see cref="PollInterval"/> until it has reached it. Idle, and asking nothing of either server, while the standby
/// is caught up. Runs only with a standby configured.
/// </summary>
internal sealed partial class StandbyReplay(
    PublicReadsDataSource readers,
    ReplayProgress progress,
    NewsroomMetrics metrics,
    ILogger<StandbyReplay> logger) : BackgroundService
{
    /// <summary>Two polls of a cheap function per 50 ms: readers go back to the standby at most that long after it caught up.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var primaryOutage = new DatabaseOutageWatch("following the standby's replay", logger, metrics);
        var standbyFailures = 0;
        try
        {
            while (true)
            {
                if (!progress.StandbyIsBehind)
                {
                    await progress.WaitForChangeAsync(stoppingToken);
                    continue;
                }

                var wait = PollInterval;
                try
                {
                    if (progress.NeedsPrimaryPosition)
                    {
                        var changes = progress.Changes;
                        progress.PrimaryWasAt(changes, await PositionAsync(readers.OpenPrimaryAsync, "pg_current_wal_insert_lsn()", stoppingToken));
                        primaryOutage.Succeeded();
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && primaryOutage.TryWaitOut(ex, out var backoff))
                {
                    wait = backoff;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The boundary of a round: escaping, any exception would end the loop and, by BackgroundService's
                    // default, stop the host. Readers stay on the primary meanwhile, which is always correct.
                    LogRoundFailed(ex);
                    wait = TimeSpan.FromSeconds(1);
                }

                if (!progress.NeedsPrimaryPosition)
                {
                    try
                    {
                        progress.StandbyReplayed(await PositionAsync(readers.OpenStandbyAsync, "pg_last_wal_replay_lsn()", stoppingToken));
                        readers.StandbyReached();
                        standbyFailures = 0;
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested && DatabaseOutage.IsOutage(ex))
                    {
                        // Readers are on the primary meanwhile anyway: the standby is behind.
                        readers.StandbyFailed(ex);
                        wait = DatabaseOutage.BackoffAfter(++standbyFailures);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        // As above: a round's boundary; readers stay on the primary until a later round succeeds.
                        LogRoundFailed(ex);
                        wait = TimeSpan.FromSeconds(1);
                    }
                }

                if (progress.StandbyIsBehind)
                {
                    await Task.Delay(wait, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the standby's replay failed; readers' queries stay on the primary and it is tried again")]
    private partial void LogRoundFailed(Exception exception);

    /// <summary>A WAL position; <see cref="ulong.MaxValue"/> for a null one (a server that is no standby has nothing to replay).</summary>
    private static async Task<ulong> PositionAsync(
        Func<CancellationToken, ValueTask<NpgsqlConnection>> open, string function, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {function}", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is NpgsqlLogSequenceNumber position ? (ulong)position : ulong.MaxValue;
    }
}
