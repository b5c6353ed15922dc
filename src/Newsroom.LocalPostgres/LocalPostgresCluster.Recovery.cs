using Microsoft.Extensions.Logging;

namespace Newsroom.LocalPostgres;

/// <summary>What a supervisor needs: whether the server still runs, and bringing it back after it died.</summary>
public sealed partial class LocalPostgresCluster
{
    private const int DeathLogTailLines = 20;

    /// <summary>
    /// The process of the running server, as <c>postmaster.pid</c> names it, or null when no live server of this
    /// cluster runs (killed, crashed, or stopped by someone else). Cheap: one small file and one <c>/proc</c> link.
    /// </summary>
    public int? ServerProcessId() =>
        folder.ReadPidFile() is { } pid && folder.IsServedBy(pid) ? pid.ProcessId : null;

    /// <summary>The last lines of the server's log: why it died, when it says so.</summary>
    public string ServerLogTail() => folder.ReadLogTail(DeathLogTailLines);

    /// <summary>
    /// Starts the server again if it is no longer running, clearing the dead server's lock files; PostgreSQL's
    /// crash recovery then replays its write-ahead log. Returns false, doing nothing, once <see cref="StopAsync"/>
    /// has been asked for: a stop is never undone.
    /// </summary>
    /// <exception cref="InvalidOperationException">pg_ctl failed; the message carries its output and the server log.</exception>
    public async Task<bool> RestartIfDeadAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (!running)
            {
                return false;
            }

            if (ServerProcessId() is not null)
            {
                return true;
            }

            // Adopting covers a server that someone else has already started again, or that is still recovering.
            if (!await TryAdoptRunningServerAsync(ct))
            {
                await LaunchAsync(ct);
            }

            LogRestarted(logger, folder.ClusterDirectory);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Started PostgreSQL in {Directory} again")]
    private static partial void LogRestarted(ILogger logger, string directory);
}
