using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Newsroom.Api.Http;

/// <summary>
/// The server cache's store (the output cache's <see cref="IOutputCacheStore"/>), bounded by
/// <see cref="CachingOptions.ServerCacheMegabytes"/>. A response is fresh for the lifetime the output cache gives it,
/// then kept <see cref="CachingOptions.StaleIfErrorSeconds"/> longer as a stale copy: in the same memory and under the
/// same bound, no second copy. An ordinary lookup only ever finds fresh responses; a lookup whose key starts with
/// <see cref="StaleKeyPrefix"/> (made only by <see cref="StaleReads"/>, once the database has failed a public read)
/// finds stale copies too. Evicting a tag (a cache key, or <see cref="PublicCaching.Tag"/> for all) removes its
/// responses outright, stale copies included, so an evicted response is never served stale.
/// </summary>
/// <remarks>
/// When the bound is reached, the memory cache compacts the least recently read entries first. A fresh response was
/// stored within the last <see cref="CachingOptions.ServerCacheSeconds"/>, while a stale copy has not been read since it
/// expired (a read of it stores a fresh response in its place), so stale copies give way before fresh responses.
/// </remarks>
internal sealed class PublicResponseStore : IOutputCacheStore, IDisposable
{
    /// <summary>The output cache key prefix of a lookup that may answer with a stale copy.</summary>
    public const string StaleKeyPrefix = "stale-if-error";

    /// <summary>What the output cache puts between a policy's key prefix and the rest of the key (OutputCacheKeyProvider).</summary>
    private const char KeyDelimiter = '\x1e';

    /// <summary>
    /// Counted per entry besides the response's bytes, so that the bound holds for many small responses too: the key
    /// and an estimate of the memory cache's entry, its options and the tag bookkeeping.
    /// </summary>
    private const int EntryOverheadBytes = 512;

    /// <summary>Counted per tag of an entry (its cache keys): the tag index's entry and the key's string.</summary>
    private const int TagOverheadBytes = 128;

    private readonly MemoryCache _cache;
    private readonly TimeSpan _keptStaleFor;
    private readonly TimeProvider _clock;
    private readonly TagIndex<StoredResponse> _tags = new();
    private readonly Lock _tagsLock = new();

    public PublicResponseStore(CachingOptions caching, TimeProvider clock)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = caching.ServerCacheMegabytes * 1024L * 1024L });
        _keptStaleFor = TimeSpan.FromSeconds(caching.StaleIfErrorSeconds);
        _clock = clock;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var staleAllowed = key.Length > StaleKeyPrefix.Length
            && key[StaleKeyPrefix.Length] == KeyDelimiter
            && key.StartsWith(StaleKeyPrefix, StringComparison.Ordinal);
        var storedKey = staleAllowed ? key[(StaleKeyPrefix.Length + 1)..] : key;
        if (_cache.TryGetValue(storedKey, out StoredResponse? stored) && stored is not null)
        {
            var now = _clock.GetUtcNow();
            if (now < stored.FreshUntil || (staleAllowed && now < stored.KeptUntil))
            {
                return ValueTask.FromResult<byte[]?>(stored.Bytes);
            }
        }

        return ValueTask.FromResult<byte[]?>(null);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var stored = new StoredResponse(value, tags ?? [], now + validFor, now + validFor + _keptStaleFor);
        var entry = new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = validFor + _keptStaleFor,
            Size = value.Length + (key.Length * sizeof(char)) + EntryOverheadBytes + (stored.Tags.Length * TagOverheadBytes),
        };
        entry.RegisterPostEvictionCallback(ForgetTags, this);

        // With the tags, so that an eviction of one of them cannot run between the two and miss this response.
        lock (_tagsLock)
        {
            _tags.Add(key, stored, stored.Tags);
            _cache.Set(key, stored, entry);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        lock (_tagsLock)
        {
            foreach (var key in _tags.Take(tag))
            {
                _cache.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>
    /// Runs after a response left the memory cache (expired, compacted, evicted or replaced). Only the bookkeeping of
    /// that very response goes: a response stored since under the same key keeps its tags (dotnet/aspnetcore#61524).
    /// </summary>
    private static void ForgetTags(object key, object? value, EvictionReason reason, object? state)
    {
        if (state is not PublicResponseStore store || value is not StoredResponse stored)
        {
            return;
        }

        lock (store._tagsLock)
        {
            store._tags.Forget((string)key, stored, stored.Tags);
        }
    }

    private sealed record StoredResponse(byte[] Bytes, string[] Tags, DateTimeOffset FreshUntil, DateTimeOffset KeptUntil);

    /// <summary>
    /// The keys each tag's responses are stored under, and which response each key holds, so that the departure of a
    /// replaced response does not untag the one that replaced it. Not thread-safe: the store locks around it.
    /// </summary>
    internal sealed class TagIndex<TResponse>
        where TResponse : class
    {
        private readonly Dictionary<string, Dictionary<string, TResponse>> _keysByTag = new(StringComparer.Ordinal);

        public void Add(string key, TResponse response, IEnumerable<string> tags)
        {
            foreach (var tag in tags)
            {
                if (!_keysByTag.TryGetValue(tag, out var keys))
                {
                    keys = new Dictionary<string, TResponse>(StringComparer.Ordinal);
                    _keysByTag[tag] = keys;
                }

                keys[key] = response;
            }
        }

        /// <summary>Forgets <paramref name="key"/> under the tags, unless another response is held under it since.</summary>
        public void Forget(string key, TResponse response, IEnumerable<string> tags)
        {
            foreach (var tag in tags)
            {
                if (_keysByTag.TryGetValue(tag, out var keys) && keys.TryGetValue(key, out var held) && ReferenceEquals(held, response))
                {
                    keys.Remove(key);
                    if (keys.Count == 0)
                    {
                        _keysByTag.Remove(tag);
                    }
                }
            }
        }

        /// <summary>The keys under <paramref name="tag"/>, which is forgotten.</summary>
        public IReadOnlyCollection<string> Take(string tag) => _keysByTag.Remove(tag, out var keys) ? keys.Keys : [];
    }
}
