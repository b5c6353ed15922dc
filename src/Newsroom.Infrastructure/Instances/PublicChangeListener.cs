using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Replication;
using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.Infrastructure.Instances;

/// <summary>
/// Hears the changes the other API instances announce (<see cref="PublicChangeBroadcast"/>) on a connection of its own,
/// outside any pool and named "&lt;Application Name&gt; listener" in <c>pg_stat_activity</c>, and drops the cached
/// answers they made stale. The search vocabulary is not rebuilt here: the committing instance rebuilds it, and its
/// rebuild announces <see cref="CacheKeys.Search"/> to every instance.
/// Each time it starts listening (at start-up, and after the connection was lost: a restart, a failover,
/// <c>pg_terminate_backend</c>) it drops every cached public answer, since changes may have been announced meanwhile.
/// Every change heard is counted for the standby's replay (<see cref="ReplayProgress"/>) before its eviction.
/// </summary>
internal sealed partial class PublicChangeListener(
    NewsroomDatabase database,
    IEnumerable<IPublicResponseCache> responseCaches,
    ReplayProgress replay,
    OwnAnnouncements own,
    NewsroomMetrics metrics,
    ILogger<PublicChangeListener> logger) : BackgroundService
{
    /// <summary>How long the connection may stay silent before a keepalive query checks it is still there.</summary>
    internal static readonly TimeSpan KeepaliveInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>The server process of the connection it listens on, once it has dropped the cache (0 when not connected).</summary>
    internal int BackendProcessId { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = new DatabaseOutageWatch("hearing other instances' changes", logger, metrics);
        try
        {
            while (!database.IsReady)
            {
                await Task.Delay(ReadinessPoll, stoppingToken);
            }

            while (true)
            {
                var wait = TimeSpan.FromSeconds(1);
                try
                {
                    await ListenAsync(outage, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested && outage.TryWaitOut(ex, out var backoff))
                {
                    wait = backoff;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The boundary of a connection's life: whatever ended it, the next one starts by dropping the
                    // cache. Escaping, an exception would end the loop and, by BackgroundService's default, the host.
                    LogListeningFailed(ex);
                }

                BackendProcessId = 0;
                await Task.Delay(wait, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task ListenAsync(DatabaseOutageWatch outage, CancellationToken stoppingToken)
    {
        var heard = new List<string>();
        await using var connection = new NpgsqlConnection(ConnectionString());
        connection.Notification += (_, notification) =>
        {
            if (notification.Channel == PublicChangeMessages.Channel && !own.TryMatch(notification.PID))
            {
                heard.Add(notification.Payload);
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PublicChangeMessages.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        outage.Succeeded();
        // What was heard before this drop is covered by it.
        heard.Clear();
        await DropAsync(PublicChange.Everything, stoppingToken);
        BackendProcessId = connection.ProcessID;
        while (true)
        {
            // Notifications arrive during any round trip (a keepalive's too), so whatever was heard is dropped before waiting again.
            if (heard.Count > 0)
            {
                var change = heard.Aggregate(PublicChange.None, (all, payload) => all.Union(PublicChangeMessages.Decode(payload)));
                heard.Clear();
                await DropAsync(change, stoppingToken);
            }

            if (!await connection.WaitAsync(KeepaliveInterval, stoppingToken))
            {
                await using var keepalive = new NpgsqlCommand("SELECT 1", connection);
                await keepalive.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    /// <summary>Drops exactly what the change names (a rebuild of the search vocabulary: searches and completions only).</summary>
    private async Task DropAsync(PublicChange change, CancellationToken cancellationToken)
    {
        replay.ChangeCommitted();
        foreach (var cache in responseCaches)
        {
            await cache.EvictAsync(change, cancellationToken);
        }
    }

    private string ConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        builder.ApplicationName = $"{builder.ApplicationName ?? "Newsroom"} listener";
        return builder.ConnectionString;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hearing other instances' changes failed; reconnecting, then dropping every cached public answer")]
    private partial void LogListeningFailed(Exception exception);
}
