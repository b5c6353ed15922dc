using Microsoft.Extensions.Time.Testing;
using Newsroom.Api.Http;

namespace Newsroom.UnitTests.Caching;

/// <summary>The server cache's store: fresh answers for every lookup, stale copies only for stale lookups, evictions final, a size bound.</summary>
public sealed class PublicResponseStoreTests : IDisposable
{
    private const string Key = "GET\x1eHTTP\x1e*:*/API/V1/ARTICLES/LA-UNE";
    private static readonly string StaleKey = PublicResponseStore.StaleKeyPrefix + "\x1e" + Key;
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly PublicResponseStore _store;

    public PublicResponseStoreTests() => _store = new PublicResponseStore(new CachingOptions { StaleIfErrorSeconds = 3_600, ServerCacheMegabytes = 1 }, _clock);

    public void Dispose() => _store.Dispose();

    private ValueTask StoreAsync(string key, byte[] response, params string[] tags) => _store.SetAsync(key, response, tags, Fresh, CancellationToken.None);

    private async Task<byte[]?> GetAsync(string key) => await _store.GetAsync(key, CancellationToken.None);

    [Fact]
    public async Task A_fresh_answer_is_found_by_every_lookup()
    {
        byte[] answer = [1, 2, 3];
        await StoreAsync(Key, answer, "public-content");
        _clock.Advance(Fresh - TimeSpan.FromSeconds(1));

        Assert.Same(answer, await GetAsync(Key));
        Assert.Same(answer, await GetAsync(StaleKey));
    }

    [Fact]
    public async Task An_expired_answer_is_found_only_by_a_stale_lookup_and_only_until_its_stale_life_ends()
    {
        byte[] answer = [1, 2, 3];
        await StoreAsync(Key, answer, "public-content");

        _clock.Advance(Fresh);
        Assert.Null(await GetAsync(Key));
        Assert.Same(answer, await GetAsync(StaleKey));

        _clock.Advance(TimeSpan.FromSeconds(3_600) - TimeSpan.FromSeconds(1));
        Assert.Same(answer, await GetAsync(StaleKey));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await GetAsync(StaleKey));
    }

    [Fact]
    public async Task An_evicted_answer_is_not_found_even_by_a_stale_lookup()
    {
        await StoreAsync(Key, [1], "public-content", "public-search");
        await StoreAsync("other", [2], "public-content");
        await StoreAsync("unrelated", [3], "elsewhere");

        await _store.EvictByTagAsync("public-search", CancellationToken.None);

        Assert.Null(await GetAsync(Key));
        Assert.Null(await GetAsync(StaleKey));
        Assert.NotNull(await GetAsync("other"));
        await _store.EvictByTagAsync("public-content", CancellationToken.None);
        Assert.Null(await GetAsync("other"));
        Assert.NotNull(await GetAsync("unrelated"));
    }

    [Fact]
    public async Task With_stale_if_error_off_an_expired_answer_is_found_by_no_lookup()
    {
        using var store = new PublicResponseStore(new CachingOptions { StaleIfErrorSeconds = 0 }, _clock);
        await store.SetAsync(Key, [1], ["public-content"], Fresh, CancellationToken.None);
        _clock.Advance(Fresh);

        Assert.Null(await store.GetAsync(StaleKey, CancellationToken.None));
    }

    [Theory]
    [InlineData("stale-if-error")]
    [InlineData("stale-if-error-GET\x1eHTTP")]
    [InlineData("another-prefix\x1eGET\x1eHTTP\x1e*:*/API/V1/ARTICLES/LA-UNE")]
    public async Task Only_the_stale_prefix_followed_by_the_key_makes_a_stale_lookup(string key)
    {
        await StoreAsync(Key, [1], "public-content");
        _clock.Advance(Fresh);

        Assert.Null(await GetAsync(key));
    }

    [Fact]
    public async Task Fresh_answers_and_stale_copies_together_stay_within_the_bound()
    {
        const int count = 400;
        var answer = new byte[10_000];
        for (var i = 0; i < count; i++)
        {
            await StoreAsync($"key-{i}", answer, "public-content");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            kept += await GetAsync(PublicResponseStore.StaleKeyPrefix + "\x1e" + $"key-{i}") is null ? 0 : 1;
        }

        // 400 answers of 10 kB do not fit in 1 MiB: some were refused or compacted, and what is kept fits.
        Assert.InRange(kept * answer.Length, 1, 1024 * 1024);
    }

    [Fact]
    public void A_replaced_answer_leaving_does_not_untag_the_answer_that_replaced_it()
    {
        var index = new PublicResponseStore.TagIndex<object>();
        object first = new(), second = new();
        index.Add(Key, first, ["public-content", "public-search"]);
        index.Add(Key, second, ["public-content", "public-search"]);

        index.Forget(Key, first, ["public-content", "public-search"]);

        Assert.Equal([Key], index.Take("public-search"));
        index.Forget(Key, second, ["public-content", "public-search"]);
        Assert.Empty(index.Take("public-content"));
    }
}
