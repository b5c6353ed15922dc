namespace Newsroom.Application.Articles.Rendering;

/// <summary>
/// How many bodies may render at once in this process: one per core. A render abandoned at its time budget keeps its
/// slot until it really ends, so a flood of slow saves waits here (and is answered 429) instead of piling up
/// uncancellable work on the thread pool.
/// </summary>
public sealed class RenderingSlots(int count)
{
    private readonly SemaphoreSlim slots = new(count, count);

    public RenderingSlots()
        : this(Math.Max(1, Environment.ProcessorCount))
    {
    }

    public Task<bool> TryEnterAsync(TimeSpan wait, CancellationToken cancellationToken) => slots.WaitAsync(wait, cancellationToken);

    public void Leave() => slots.Release();
}
