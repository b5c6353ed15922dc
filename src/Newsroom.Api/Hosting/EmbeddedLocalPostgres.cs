using Newsroom.Infrastructure.Startup;
using Newsroom.LocalPostgres;

namespace Newsroom.Api.Hosting;

/// <summary>
/// The API's embedded default, used only when no connection string is configured: a <see cref="LocalPostgresCluster"/>
/// of the Persistent kind, whose data survives restarts, supervised from its start to its stop: a server that dies
/// (killed, crashed, out of memory) is noticed within <see cref="WatchInterval"/> and started again, its crash
/// recovery replaying what was committed. Nothing else supervises it: without this the API would answer 503 until
/// restarted by hand.
/// </summary>
internal sealed class EmbeddedLocalPostgres(ILogger<LocalPostgresCluster> logger, TimeProvider clock) : IEmbeddedPostgres
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stopping = new();
    private LocalPostgresCluster? _cluster;
    private Task _supervision = Task.CompletedTask;

    public async Task<string> StartAsync(string directory, string database, CancellationToken cancellationToken)
    {
        _cluster = new LocalPostgresCluster(directory, LocalClusterKind.Persistent, logger);
        await _cluster.StartAsync(cancellationToken);
        _supervision = SuperviseAsync(_cluster, _stopping.Token);
        return _cluster.GetConnectionString(database);
    }

    /// <summary>Supervision ends first, so that nothing starts the server again while it is being stopped.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _supervision;
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
        }
    }

    private async Task SuperviseAsync(LocalPostgresCluster cluster, CancellationToken stopping)
    {
        var restarts = new EmbeddedPostgresRestarts(logger, clock);
        var last = cluster.ServerProcessId();
        try
        {
            while (true)
            {
                await Task.Delay(WatchInterval, clock, stopping);
                if (cluster.ServerProcessId() is { } alive)
                {
                    last = alive;
                    continue;
                }

                restarts.ServerDied(last, cluster.ServerLogTail());
                if (!await RestartAsync(cluster, restarts, stopping))
                {
                    return;
                }

                last = cluster.ServerProcessId();
                restarts.ServerBack(last);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the cluster is stopped next, by StopAsync.
        }
    }

    /// <summary>Tries until the server runs again; false when the cluster was stopped meanwhile.</summary>
    private async Task<bool> RestartAsync(LocalPostgresCluster cluster, EmbeddedPostgresRestarts restarts, CancellationToken stopping)
    {
        while (true)
        {
            try
            {
                // The pools are left alone: a pooled connection to the dead server fails on its first use and is
                // dropped (that request gets a 503). Clearing them was measured not to shorten the recovery, and
                // Npgsql 10.0.3 misbehaves after a clear under load (npgsql#6432: prepared statements out of step).
                return await cluster.RestartIfDeadAsync(stopping);
            }
            // pg_ctl failed (the dead server's processes still hold its shared memory, a full disk…): try again later.
            catch (InvalidOperationException failed)
            {
                await Task.Delay(restarts.RestartFailed(failed.Message), clock, stopping);
            }
        }
    }
}
