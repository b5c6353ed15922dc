using Microsoft.Extensions.Logging;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// The supervisor's account of one death of the embedded server: a warning when it is found dead (with the end of
/// its log), the reason of the first failed restart only, the waits between tries (<see cref="DatabaseOutage.BackoffAfter"/>:
/// 1 s, 2 s, 4 s… up to 30 s) and one line when it serves again. An operator reads three lines, not one per try.
/// Used from the supervisor's loop only.
/// </summary>
public sealed partial class EmbeddedPostgresRestarts(ILogger logger, TimeProvider clock)
{
    private int _failures;
    private long _wentAt;

    /// <summary>The server was found dead: the start of an outage.</summary>
    public void ServerDied(int? processId, string logTail)
    {
        _failures = 0;
        _wentAt = clock.GetTimestamp();
        LogDied(logger, processId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", logTail);
    }

    /// <summary>A restart failed: logged if it is the first, and the wait before the next try.</summary>
    public TimeSpan RestartFailed(string reason)
    {
        if (++_failures == 1)
        {
            LogRestartFailed(logger, reason);
        }

        return DatabaseOutage.BackoffAfter(_failures);
    }

    /// <summary>The server runs again.</summary>
    public void ServerBack(int? processId)
    {
        var down = clock.GetElapsedTime(_wentAt);
        LogBack(logger, processId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", down.TotalSeconds, _failures + 1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded PostgreSQL server (process {ProcessId}) is gone; restarting it. Last lines of its log:\n{LogTail}")]
    private static partial void LogDied(ILogger logger, string processId, string logTail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The embedded PostgreSQL server does not start again; trying again after 1 s, 2 s, 4 s… up to every 30 s, without logging each try: {Reason}")]
    private static partial void LogRestartFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The embedded PostgreSQL server is back (process {ProcessId}), {DownSeconds:0.0} s after it went, at restart try {Tries}")]
    private static partial void LogBack(ILogger logger, string processId, double downSeconds, int tries);
}
