using Newsroom.Application.Common.Abstractions;

namespace Newsroom.Api.Http;

/// <summary>
/// The evictions this API has begun, numbered, with the changes of the latest <see cref="Remembered"/>: an answer
/// whose read began under number <c>n</c> must not be stored when an eviction since touched one of its keys, since it
/// may hold what that eviction was for (a withdrawn article read just before its withdrawal committed). Precise per
/// key: publishing one article leaves the other answers being made storable. An eviction is numbered before it runs,
/// so a read that began earlier sees it; once more evictions than are remembered happened during one read, the answer
/// counts as touched, never the other way round.
/// </summary>
internal sealed class Evictions
{
    /// <summary>Enough for the evictions of any one read's lifetime (a read takes milliseconds; a burst of publications, a few a second).</summary>
    public const int Remembered = 256;

    private readonly PublicChange?[] _recent = new PublicChange?[Remembered];
    private readonly Lock _lock = new();
    private long _count;

    /// <summary>The number of the latest eviction begun, read when an answer's read begins.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Begin(PublicChange change)
    {
        lock (_lock)
        {
            _recent[(_count + 1) % Remembered] = change;
            Interlocked.Increment(ref _count);
        }
    }

    /// <summary>
    /// Whether an eviction begun after number <paramref name="since"/> touched an answer with these keys (null: an
    /// answer without keys, which any eviction touches). <see cref="PublicChange.Everything"/> touches every answer.
    /// </summary>
    public bool TouchedSince(long since, IReadOnlyCollection<string>? keys)
    {
        if (Count == since)
        {
            return false;
        }

        lock (_lock)
        {
            if (keys is null || _count - since > Remembered)
            {
                return true;
            }

            for (var number = since + 1; number <= _count; number++)
            {
                var change = _recent[number % Remembered]!;
                if (change.IsEverything || keys.Any(change.Keys.Contains))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
