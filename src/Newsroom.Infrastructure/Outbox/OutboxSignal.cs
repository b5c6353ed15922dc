namespace Newsroom.Infrastructure.Outbox;

/// <summary>
/// Wakes the <see cref="OutboxDispatcher"/> of this instance right after a local commit of a change readers can see
/// (what the command wrote to the outbox is then visible), rather than at its next poll.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the round to come reads this commit's messages too.
        }
    }

    /// <summary>Until woken or <paramref name="timeout"/> has passed; false when <paramref name="stoppingToken"/> ends the wait.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            await _wake.WaitAsync(timeout, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _wake.Dispose();
}
