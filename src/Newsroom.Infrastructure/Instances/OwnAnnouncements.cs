namespace Newsroom.Infrastructure.Instances;

/// <summary>
/// The announcements this instance made and has not heard back yet, by the database server process that sent them,
/// so that its listener does not evict a second time for a change it already evicted for after its own commit (a
/// second eviction would only refuse to store the answers read in between). Each one is matched once: a later
/// notification from the same server process is another instance's when this one has nothing pending there (instances
/// in one process, as in tests, share Npgsql's pools and so their server processes). An announcement never heard back
/// (its transaction rolled back) is forgotten after <see cref="Memory"/>; missing a match only costs that second eviction.
/// </summary>
internal sealed class OwnAnnouncements(TimeProvider clock)
{
    internal static readonly TimeSpan Memory = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, (int Pending, long LastAt)> _pending = [];

    /// <summary>An announcement is about to be sent from <paramref name="serverProcessId"/>.</summary>
    public void Announced(int serverProcessId)
    {
        lock (_gate)
        {
            var now = clock.GetTimestamp();
            foreach (var (process, entry) in _pending)
            {
                if (clock.GetElapsedTime(entry.LastAt, now) >= Memory)
                {
                    _pending.Remove(process);
                }
            }

            _pending[serverProcessId] = (_pending.GetValueOrDefault(serverProcessId).Pending + 1, now);
        }
    }

    /// <summary>True, once per announcement, for a notification this instance sent.</summary>
    public bool TryMatch(int serverProcessId)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(serverProcessId, out var entry) || clock.GetElapsedTime(entry.LastAt) >= Memory)
            {
                return false;
            }

            if (entry.Pending == 1)
            {
                _pending.Remove(serverProcessId);
            }
            else
            {
                _pending[serverProcessId] = (entry.Pending - 1, entry.LastAt);
            }

            return true;
        }
    }
}
