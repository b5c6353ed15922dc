using Newsroom.Infrastructure.Startup;

namespace Newsroom.Infrastructure.Replication;

/// <summary>
/// Whether readers may try the standby now. After a failure to reach it they go to the primary at once, and the
/// standby is tried again by one reader after a back-off (1 s, 2 s, 4 s… up to 30 s, <see cref="DatabaseOutage.BackoffAfter"/>)
/// while the others keep to the primary; a success ends the episode. Failures during a back-off do not lengthen
/// it: a burst of readers failing together is one failure. Timestamps are <see cref="TimeProvider.GetTimestamp"/>'s.
/// </summary>
public sealed class StandbyAvailability(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private int _failures;
    private long _retryAt;
    private bool _probing;

    /// <summary>True while an episode lasts (from a failure to the next success).</summary>
    public bool IsAway => Volatile.Read(ref _failures) > 0;

    /// <summary>True when this reader may try the standby: no episode, or the back-off is over and no one else is trying.</summary>
    public bool MayTry()
    {
        if (Volatile.Read(ref _failures) == 0)
        {
            return true;
        }

        lock (_gate)
        {
            if (_failures == 0)
            {
                return true;
            }

            if (_probing || clock.GetTimestamp() < _retryAt)
            {
                return false;
            }

            _probing = true;
            return true;
        }
    }

    /// <summary>The standby could not be reached; true when this begins an episode (the one to log).</summary>
    public bool Failed()
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            _probing = false;
            if (_failures > 0 && now < _retryAt)
            {
                return false;
            }

            _failures++;
            _retryAt = now + (long)(DatabaseOutage.BackoffAfter(_failures).TotalSeconds * clock.TimestampFrequency);
            return _failures == 1;
        }
    }

    /// <summary>The standby answered; the number of failed tries of the episode it ends (0 when there was none).</summary>
    public int Reached()
    {
        if (Volatile.Read(ref _failures) == 0)
        {
            return 0;
        }

        lock (_gate)
        {
            var failures = _failures;
            _failures = 0;
            _probing = false;
            return failures;
        }
    }
}
