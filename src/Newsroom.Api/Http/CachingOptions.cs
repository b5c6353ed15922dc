using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Newsroom.Api.Http;

/// <summary>HTTP caching of public reads (configuration section <c>Newsroom:Caching</c>), validated at start-up.</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Newsroom:Caching";

    [Range(0, 31_536_000)]
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// How long shared caches (an edge cache, a CDN) keep a public answer fresh: <c>s-maxage</c>, distinct from the
    /// browsers' <see cref="MaxAgeSeconds"/>. Behind edge caches purged by key (see <see cref="ResponseCacheKeys"/>),
    /// it can be raised far above it, since a change purges what it made stale.
    /// </summary>
    [Range(0, 31_536_000)]
    public int SharedMaxAgeSeconds { get; set; } = 60;

    [Range(0, 31_536_000)]
    public int StaleWhileRevalidateSeconds { get; set; } = 300;

    /// <summary>How long the server keeps a public response fresh; every content change evicts it sooner.</summary>
    [Range(1, 86_400)]
    public int ServerCacheSeconds { get; set; } = 60;

    /// <summary>
    /// How long past <see cref="ServerCacheSeconds"/> the server keeps a public response that expired (was never
    /// evicted) to answer with while the database is unreachable, and what downstream caches are told in
    /// <c>stale-if-error</c>; 0 turns both off. A week at most: older than that, an answer is no news.
    /// </summary>
    [Range(0, 604_800)]
    public int StaleIfErrorSeconds { get; set; } = 86_400;

    /// <summary>
    /// The server cache's bound, fresh responses and stale copies together (each counted with its key and 512 bytes
    /// of bookkeeping). 48 MiB holds about three thousand article pages, the hot set of a news site, and leaves most of
    /// the 400 MiB the API is to stay under to everything else.
    /// </summary>
    [Range(1, 4_096)]
    public int ServerCacheMegabytes { get; set; } = 48;

    /// <summary>
    /// The server cache may take at most a third of the managed heap's limit (160 MiB as shipped, see
    /// Newsroom.Api.csproj): a bigger one ends in out-of-memory errors under load instead of evictions.
    /// </summary>
    public bool FitsInHeap(long heapLimitBytes) => ServerCacheMegabytes * 3L * 1024 * 1024 <= heapLimitBytes;

    /// <summary>Why start-up refuses a server cache that does not fit (<see cref="FitsInHeap"/>).</summary>
    public static string DoesNotFitInHeap(long heapLimitBytes) => string.Create(CultureInfo.InvariantCulture,
        $"Newsroom:Caching:ServerCacheMegabytes must be at most a third of the managed heap limit ({heapLimitBytes / (1024 * 1024)} MiB): lower it, or raise the limit with DOTNET_GCHeapHardLimit (hex bytes).");

    private string? _publicCacheControl;
    private string? _unsharedCacheControl;

    /// <summary>The Cache-Control of every public read (a 200 or its 304): one string, made once.</summary>
    public string PublicCacheControl() => _publicCacheControl ??= StaleIfErrorSeconds > 0
        ? string.Create(CultureInfo.InvariantCulture, $"public, max-age={MaxAgeSeconds}, s-maxage={SharedMaxAgeSeconds}, stale-while-revalidate={StaleWhileRevalidateSeconds}, stale-if-error={StaleIfErrorSeconds}")
        : string.Create(CultureInfo.InvariantCulture, $"public, max-age={MaxAgeSeconds}, s-maxage={SharedMaxAgeSeconds}, stale-while-revalidate={StaleWhileRevalidateSeconds}");

    /// <summary>
    /// The Cache-Control of a public read that an eviction touched while it was being made: it may hold what was
    /// evicted, so no shared cache may keep it (<c>private</c>, and <c>s-maxage=0</c> for caches that ignore it); nor
    /// serve it stale later, hence no <c>stale-*</c>. A browser keeps it its usual while.
    /// </summary>
    public string UnsharedCacheControl() => _unsharedCacheControl ??=
        string.Create(CultureInfo.InvariantCulture, $"private, max-age={MaxAgeSeconds}, s-maxage=0");
}
