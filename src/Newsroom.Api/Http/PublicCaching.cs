using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Telemetry;

namespace Newsroom.Api.Http;

/// <summary>
/// Public reads are cached twice: by clients and edge caches (Cache-Control, a strong ETag, Last-Modified, 304s, and the
/// cache keys in <c>xkey</c>/<c>Surrogate-Key</c>), and by the server's output cache, tagged with the same keys
/// (<see cref="ResponseCacheKeys"/>) so that a committed change evicts exactly the answers that showed it, and with
/// <see cref="Tag"/> so that <see cref="PublicChange.Everything"/> evicts them all. Entries that merely expired are kept
/// a while longer for <see cref="StaleReads"/> (see <see cref="PublicResponseStore"/>). Admin and authentication routes
/// never use this policy, so no cached public answer can be served to them.
/// </summary>
internal static class PublicCaching
{
    public const string Policy = "public";
    public const string Tag = "public-content";

    /// <summary>Marks a 200 turned into a 304 on its way out: the output cache still stores the 200.</summary>
    private static readonly object RevalidatedKey = new();

    /// <summary>The <see cref="Evictions.Count"/> a public read began under (see <see cref="PublicOutputCachePolicy"/>).</summary>
    private static readonly object BegunUnderKey = new();

    public static IServiceCollection AddNewsroomCaching(this IServiceCollection services)
    {
        var heapLimit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.SectionName).ValidateDataAnnotations()
            .Validate(caching => caching.FitsInHeap(heapLimit), CachingOptions.DoesNotFitInHeap(heapLimit)).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CachingOptions>>().Value);
        // Before AddOutputCache, which only adds its own memory store when none is there. On the system clock, as
        // the output cache's Age is: the newsroom's TimeProvider is about publication instants.
        services.AddSingleton<IOutputCacheStore>(sp => new PublicResponseStore(sp.GetRequiredService<CachingOptions>(), TimeProvider.System));
        services.AddOutputCache();
        services.AddSingleton<Evictions>();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CachingOptions>, Evictions, NewsroomMetrics>((cache, caching, evictions, metrics) =>
            cache.AddPolicy(Policy, new PublicOutputCachePolicy(TimeSpan.FromSeconds(caching.Value.ServerCacheSeconds), evictions, metrics)));
        services.AddSingleton<IPublicResponseCache, OutputCacheEviction>();
        return services;
    }

    /// <summary>
    /// Answers conditional public reads. Runs outside the output cache and hides the conditions from it and from the
    /// handler, so that a revalidation which misses the cache still fills it with the full response; the answer is
    /// turned into a bodiless 304 only on its way out, when its validators still match (If-None-Match, weak
    /// comparison as RFC 9110 asks for GET; else If-Modified-Since against Last-Modified).
    /// </summary>
    public static IApplicationBuilder UseConditionalPublicReads(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Request.Headers;
        var ifNoneMatch = headers.IfNoneMatch.ToString();
        var ifModifiedSince = headers.IfModifiedSince.ToString();
        if (!IsPublicRead(context) || (ifNoneMatch.Length == 0 && ifModifiedSince.Length == 0))
        {
            await next(context);
            return;
        }

        headers.Remove(HeaderNames.IfNoneMatch);
        headers.Remove(HeaderNames.IfModifiedSince);
        var response = context.Response;
        await using var body = new NotModifiedFilter(response.Body, response);
        response.Body = body;
        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status200OK && IsNotModified(response.Headers, ifNoneMatch, ifModifiedSince))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                body.Discard = true;
                context.Items[RevalidatedKey] = true;
            }

            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body.Inner;
        }
    });

    internal static bool IsNotModified(IHeaderDictionary response, string ifNoneMatch, string ifModifiedSince)
    {
        if (ifNoneMatch.Length > 0)
        {
            return EntityTagHeaderValue.TryParse(response.ETag.ToString(), out var etag)
                && EntityTagHeaderValue.TryParseList([ifNoneMatch], out var wanted)
                && wanted.Any(t => t.Tag == EntityTagHeaderValue.Any.Tag || t.Compare(etag, useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(ifModifiedSince, out var since)
            && HeaderUtilities.TryParseDate(response.LastModified.ToString(), out var modified)
            && modified <= since;
    }

    /// <summary>
    /// Gives every successful public GET a strong ETag (a hash of the exact bytes) and Last-Modified (when it was
    /// generated). Runs inside the output cache, so cached entries carry the same validators.
    /// </summary>
    public static IApplicationBuilder UsePublicValidators(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsPublicRead(context))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = PooledBuffers.Rent("public-read");
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.Response.Headers.ETag = PooledBuffers.StrongETagOf(buffer.GetReadOnlySequence());
            context.Response.Headers.LastModified = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });

    /// <summary>
    /// Marks an endpoint (or a group) as a public read: cached by the output cache, given validators and cache keys,
    /// answered 304 when unchanged, and public in Cache-Control. The middlewares ask the selected endpoint, not the
    /// path. <paramref name="keys"/> are the cache keys every answer of it carries, besides those of what it shows.
    /// </summary>
    public static TBuilder PublicRead<TBuilder>(this TBuilder builder, params string[] keys)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PublicReadMetadata.Instance).CacheOutput(Policy).WithResponseCacheKeys(keys);

    public static bool IsPublicRead(HttpContext context) => PublicReadOf(context) is not null;

    /// <summary>
    /// Whether an eviction of one of its keys began while this answer was being made, as its headers go out: shared
    /// caches are told not to keep it (<see cref="CachingOptions.UnsharedCacheControl"/>), as the server cache does
    /// not (<see cref="PublicOutputCachePolicy"/>). Only an answer made now has keys here; one served from the cache
    /// was stored untouched and is false at once.
    /// </summary>
    public static bool BegunBeforeEviction(HttpContext context) =>
        ResponseCacheKeys.Of(context) is { } keys
        && context.Items[BegunUnderKey] is long begunUnder
        && context.RequestServices.GetRequiredService<Evictions>().TouchedSince(begunUnder, keys);

    private static PublicReadMetadata? PublicReadOf(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<PublicReadMetadata>()
            : null;

    /// <summary>
    /// Caches public GETs whatever headers the caller sends (authentication never changes a public answer), varying by
    /// the whole query string, tagged with <see cref="Tag"/> and the answer's cache keys. An answer whose read began
    /// before an eviction of one of its keys is not stored (see <see cref="Evictions"/>). The lookup
    /// <see cref="StaleReads"/> makes after an outage stores nothing and asks the store for a stale copy
    /// (<see cref="PublicResponseStore.StaleKeyPrefix"/>).
    /// </summary>
    private sealed class PublicOutputCachePolicy(TimeSpan duration, Evictions evictions, NewsroomMetrics metrics) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var cacheable = PublicReadOf(context.HttpContext) is not null;
            var staleLookup = StaleReads.IsStaleLookup(context.HttpContext);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable && !staleLookup;
            context.AllowLocking = !staleLookup;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            if (staleLookup)
            {
                context.CacheVaryByRules.CacheKeyPrefix = PublicResponseStore.StaleKeyPrefix;
            }

            context.Tags.Add(Tag);
            context.HttpContext.Items[BegunUnderKey] = evictions.Count;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            metrics.CacheServed(StaleReads.IsStaleLookup(context.HttpContext) ? CacheResult.Stale : CacheResult.Hit);
            return ValueTask.CompletedTask;
        }

        /// <summary>
        /// Runs once the application has made its answer (a miss; its headers may have gone out already), never for one
        /// served from the cache; decides, last, whether it is stored.
        /// </summary>
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            metrics.CacheServed(CacheResult.Miss);
            var ok = http.Response.StatusCode == StatusCodes.Status200OK
                || (http.Response.StatusCode == StatusCodes.Status304NotModified && http.Items.ContainsKey(RevalidatedKey));
            var keys = ResponseCacheKeys.Of(http);
            foreach (var key in keys ?? [])
            {
                context.Tags.Add(key);
            }

            var evictedSince = http.Items[BegunUnderKey] is not long begunUnder || evictions.TouchedSince(begunUnder, keys);
            context.AllowCacheStorage &= ok && !evictedSince && !http.Response.Headers.ContainsKey("Set-Cookie");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The metadata <see cref="PublicRead{TBuilder}"/> puts on public endpoints.</summary>
    public sealed class PublicReadMetadata
    {
        public static readonly PublicReadMetadata Instance = new();

        private PublicReadMetadata()
        {
        }
    }

    /// <summary>
    /// Evicts by each key of a change (<see cref="PublicChange.Everything"/>: every public answer), after numbering the
    /// eviction so that answers being made meanwhile are not stored (<see cref="Evictions"/>).
    /// </summary>
    private sealed class OutputCacheEviction(IOutputCacheStore store, Evictions evictions) : IPublicResponseCache
    {
        public async Task EvictAsync(PublicChange change, CancellationToken cancellationToken)
        {
            if (change.IsEmpty)
            {
                return;
            }

            evictions.Begin(change);
            if (change.IsEverything)
            {
                await store.EvictByTagAsync(Tag, cancellationToken);
                return;
            }

            foreach (var key in change.Keys)
            {
                await store.EvictByTagAsync(key, cancellationToken);
            }
        }
    }
}
