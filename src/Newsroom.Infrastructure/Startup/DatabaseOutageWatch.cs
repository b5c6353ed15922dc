using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Telemetry;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// A background loop's view of database outages: how long to wait before its next try (<see cref="DatabaseOutage.BackoffAfter"/>),
/// and one warning when the database goes and one information line when it comes back, rather than a stack trace per round.
/// Each outage and each round that reached the database is also told to the outage gauge (<see cref="NewsroomMetrics"/>).
/// One per loop, used from that loop only.
/// </summary>
public sealed partial class DatabaseOutageWatch(string work, ILogger logger, NewsroomMetrics metrics)
{
    private int _failures;

    /// <summary>False when <paramref name="exception"/> is no outage (the loop handles it as before); else the wait before the next try.</summary>
    public bool TryWaitOut(Exception exception, out TimeSpan wait)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            wait = TimeSpan.Zero;
            return false;
        }

        metrics.DatabaseWentAway();
        if (++_failures == 1)
        {
            LogWentAway(logger, work, exception.GetBaseException().Message);
        }

        wait = DatabaseOutage.BackoffAfter(_failures);
        return true;
    }

    /// <summary>A round that reached the database: ends the outage, if there was one.</summary>
    public void Succeeded()
    {
        metrics.DatabaseReached();
        if (_failures > 0)
        {
            LogCameBack(logger, work, _failures);
            _failures = 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unreachable ({Reason}); {Work} waits for it, trying again after 1 s, 2 s, 4 s… up to every 30 s")]
    private static partial void LogWentAway(ILogger logger, string work, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database is back; {Work} resumes after {Failures} failed tries")]
    private static partial void LogCameBack(ILogger logger, string work, int failures);
}
