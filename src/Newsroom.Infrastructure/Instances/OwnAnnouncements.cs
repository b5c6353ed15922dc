using System.Collections.Concurrent;

namespace Newsroom.Infrastructure.Instances;

/// <summary>
/// The database server processes this instance announced changes from lately, so that its listener does not evict a
/// second time for a change it already evicted for after its own commit: a second eviction would only refuse to store
/// answers read in between. A notification is this instance's own when its sender announced from here in the last
/// <see cref="Memory"/>; missing one (a commit slower than that) only costs that second eviction.
/// </summary>
internal sealed class OwnAnnouncements(TimeProvider clock)
{
    internal static readonly TimeSpan Memory = TimeSpan.FromSeconds(10);

    /// <summary>More than a pool's worth of processes: past it, those not heard from lately are forgotten.</summary>
    private const int PruneAbove = 256;

    private readonly ConcurrentDictionary<int, long> _lastAnnounced = new();

    public void Announced(int serverProcessId)
    {
        var now = clock.GetTimestamp();
        _lastAnnounced[serverProcessId] = now;
        if (_lastAnnounced.Count > PruneAbove)
        {
            foreach (var (process, at) in _lastAnnounced)
            {
                if (clock.GetElapsedTime(at, now) >= Memory)
                {
                    _lastAnnounced.TryRemove(process, out _);
                }
            }
        }
    }

    public bool AreOwn(int serverProcessId) =>
        _lastAnnounced.TryGetValue(serverProcessId, out var at) && clock.GetElapsedTime(at) < Memory;
}
