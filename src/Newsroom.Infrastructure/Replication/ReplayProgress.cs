namespace Newsroom.Infrastructure.Replication;

/// <summary>
/// Whether the standby has replayed every change this instance has evicted cached answers for. Until it has, readers'
/// queries go to the primary (<see cref="PublicReadsDataSource"/>), so an answer cached after an eviction is never made
/// from the standby's older state: after a publication the standby may still answer 404, and cached, that 404 would
/// outlive the eviction for the cache's whole lifetime.
/// A change is counted (<see cref="ChangeCommitted"/>) before the eviction it causes; <see cref="StandbyReplay"/> then
/// learns the primary's WAL position, which is at or after that commit, and follows the standby's replay until it has
/// reached it. Positions only grow: the standby is behind while it has not replayed the furthest position learnt.
/// Without a standby it does nothing, and readers never ask it.
/// </summary>
public sealed class ReplayProgress(bool followsStandby) : IDisposable
{
    private readonly SemaphoreSlim _changed = new(0, 1);
    private long _changes;
    private long _positionedChanges;
    private ulong _target;
    private ulong _replayed;

    public bool FollowsStandby { get; } = followsStandby;

    /// <summary>
    /// True while a counted change has no primary position yet, or the standby has not replayed the furthest one. Read
    /// on every reader's query: four memory reads, no lock. The counts are read before the positions, and
    /// <see cref="PrimaryWasAt"/> writes the position before the count, so a position is never older than its count.
    /// </summary>
    public bool StandbyIsBehind =>
        Volatile.Read(ref _changes) != Volatile.Read(ref _positionedChanges)
        || Volatile.Read(ref _replayed) < Volatile.Read(ref _target);

    /// <summary>Changes counted so far; <see cref="PrimaryWasAt"/> is told how many a position covers.</summary>
    public long Changes => Volatile.Read(ref _changes);

    /// <summary>True when a change counted has not been given a primary position yet.</summary>
    public bool NeedsPrimaryPosition => Volatile.Read(ref _changes) != Volatile.Read(ref _positionedChanges);

    /// <summary>
    /// A change readers can see was committed (here, or by another instance, or possibly missed while the listener
    /// was away): called before its eviction, so that a read begun after the eviction finds the standby behind.
    /// </summary>
    public void ChangeCommitted()
    {
        if (!FollowsStandby)
        {
            return;
        }

        Interlocked.Increment(ref _changes);
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // The follower is already woken; it will see this change too.
        }
    }

    /// <summary>
    /// The primary's WAL position, read after the first <paramref name="changesCovered"/> changes were counted and so
    /// at or after each of their commits.
    /// </summary>
    public void PrimaryWasAt(long changesCovered, ulong position)
    {
        if (position > Volatile.Read(ref _target))
        {
            Volatile.Write(ref _target, position);
        }

        Volatile.Write(ref _positionedChanges, changesCovered);
    }

    /// <summary>The standby's last replayed position (<see cref="ulong.MaxValue"/> when it is no standby at all).</summary>
    public void StandbyReplayed(ulong position) => Volatile.Write(ref _replayed, position);

    /// <summary>Until a change is counted; at once when one is pending.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => _changed.WaitAsync(cancellationToken);

    public void Dispose() => _changed.Dispose();
}
