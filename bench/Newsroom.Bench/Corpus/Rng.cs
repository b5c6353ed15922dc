namespace Newsroom.Bench.Corpus;

/// <summary>
/// SplitMix64: tiny, fast and fully specified here, so a corpus is the same on every machine and .NET version
/// (System.Random's seeded algorithm is an implementation detail). One instance per article keeps parallel
/// generation deterministic whatever the scheduling.
/// </summary>
internal sealed class Rng(ulong seed)
{
    private ulong state = seed;

    /// <summary>An independent stream for one item of one kind (e.g. article 1234's text) under a corpus seed.</summary>
    public static Rng For(int corpusSeed, int stream, long index) =>
        new(Mix(Mix((ulong)(uint)corpusSeed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)stream) ^ (ulong)index));

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>0 ≤ n &lt; max.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextUInt64() >> 32) * (ulong)max >> 32);

    /// <summary>min ≤ n &lt; maxExclusive.</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s: a few very common items and a long tail.</summary>
internal sealed class Zipf
{
    private readonly double[] cumulative;

    public Zipf(int count, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, exponent);
            cumulative[rank] = total;
        }

        for (var rank = 0; rank < count; rank++)
        {
            cumulative[rank] /= total;
        }
    }

    public int Count => cumulative.Length;

    public int Sample(Rng rng)
    {
        var index = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    public T Sample<T>(Rng rng, IReadOnlyList<T> itemsByRank) => itemsByRank[Sample(rng)];
}
