using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Telemetry;

namespace Newsroom.Api.Http;

/// <summary>
/// Public reads are cached twice: by clients and CDNs (Cache-Control, a strong ETag, Last-Modified, 304s), and by the
/// server's output cache, tagged so that any committed content change evicts every public entry at once. Entries that
/// merely expired are kept a while longer for <see cref="StaleReads"/> (see <see cref="PublicResponseStore"/>).
/// Admin and authentication routes never use this policy, so no cached public answer can be served to them.
/// </summary>
internal static class PublicCaching
{
    public const string Policy = "public";
    public const string Tag = "public-content";

    /// <summary>Also on searches and completions (their group says so: <c>.PublicRead(SearchTag)</c>), which the search vocabulary's rebuild makes stale once more.</summary>
    public const string SearchTag = "public-search";

    /// <summary>Marks a 200 turned into a 304 on its way out: the output cache still stores the 200.</summary>
    private static readonly object RevalidatedKey = new();

    /// <summary>The <see cref="Evictions.Of"/> its tags a public read began under (see <see cref="PublicOutputCachePolicy"/>).</summary>
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
    /// Marks an endpoint (or a group) as a public read: cached by the output cache, given validators, answered 304 when
    /// unchanged, and public in Cache-Control. The middlewares ask the selected endpoint, not the path.
    /// <paramref name="alsoEvictedBy"/> names cache tags besides <see cref="Tag"/> whose eviction drops its answers.
    /// </summary>
    public static TBuilder PublicRead<TBuilder>(this TBuilder builder, params string[] alsoEvictedBy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicReadMetadata([Tag, .. alsoEvictedBy])).CacheOutput(Policy);

    public static bool IsPublicRead(HttpContext context) => PublicReadOf(context) is not null;

    private static PublicReadMetadata? PublicReadOf(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<PublicReadMetadata>()
            : null;

    /// <summary>
    /// Caches public GETs whatever headers the caller sends (authentication never changes a public answer), varying by
    /// the whole query string. An answer whose read began before an eviction is not stored: it may hold what the
    /// eviction was for (a search that read the vocabulary while its rebuild ran), and storing it after the eviction
    /// would keep that until it expires. Only evictions of its own tags count: a section read while the vocabulary's
    /// rebuild evicted searches is stored. The lookup <see cref="StaleReads"/> makes after an outage stores nothing and
    /// asks the store for a stale copy (<see cref="PublicResponseStore.StaleKeyPrefix"/>).
    /// </summary>
    private sealed class PublicOutputCachePolicy(TimeSpan duration, Evictions evictions, NewsroomMetrics metrics) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var read = PublicReadOf(context.HttpContext);
            var cacheable = read is not null;
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

            foreach (var tag in read?.CacheTags ?? [])
            {
                context.Tags.Add(tag);
            }

            context.HttpContext.Items[BegunUnderKey] = evictions.Of(context.Tags);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            metrics.CacheServed(StaleReads.IsStaleLookup(context.HttpContext) ? CacheResult.Stale : CacheResult.Hit);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            metrics.CacheServed(CacheResult.Miss);
            var ok = http.Response.StatusCode == StatusCodes.Status200OK
                || (http.Response.StatusCode == StatusCodes.Status304NotModified && http.Items.ContainsKey(RevalidatedKey));
            var evictedSince = http.Items[BegunUnderKey] is not long begunUnder || begunUnder != evictions.Of(context.Tags);
            context.AllowCacheStorage &= ok && !evictedSince && !http.Response.Headers.ContainsKey("Set-Cookie");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Passes the body through, or drops it once the response has become a 304. The response is started before the
    /// first write goes anywhere, so the OnStarting decision is always made first.
    /// </summary>
    private sealed class NotModifiedFilter(Stream inner, HttpResponse response) : Stream
    {
        public Stream Inner { get; } = inner;

        public bool Discard { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!response.HasStarted)
            {
                response.StartAsync().GetAwaiter().GetResult();
            }

            if (!Discard)
            {
                Inner.Write(buffer, offset, count);
            }
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!response.HasStarted)
            {
                await response.StartAsync(cancellationToken);
            }

            if (!Discard)
            {
                await Inner.WriteAsync(buffer, cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>The metadata <see cref="PublicRead{TBuilder}"/> puts on public endpoints: the cache tags of their answers.</summary>
    public sealed class PublicReadMetadata
    {
        internal PublicReadMetadata(IReadOnlyList<string> cacheTags) => CacheTags = cacheTags;

        public IReadOnlyList<string> CacheTags { get; }
    }

    /// <summary>
    /// How many evictions of each tag this API has begun: counted before each one, so a read that began earlier sees
    /// it. Any tag but <see cref="SearchTag"/> counts as <see cref="Tag"/>, which every public answer carries: an
    /// unknown tag would make more answers unstorable, never fewer.
    /// </summary>
    private sealed class Evictions
    {
        private long _content;
        private long _searches;

        /// <summary>The evictions so far of an answer's tags, as one number that changes whenever any of them does.</summary>
        public long Of(HashSet<string> tags) =>
            Interlocked.Read(ref _content) + (tags.Contains(SearchTag) ? Interlocked.Read(ref _searches) : 0);

        public void Begin(string tag)
        {
            if (tag == SearchTag)
            {
                Interlocked.Increment(ref _searches);
            }
            else
            {
                Interlocked.Increment(ref _content);
            }
        }
    }

    private sealed class OutputCacheEviction(IOutputCacheStore store, Evictions evictions) : IPublicResponseCache
    {
        public Task EvictAsync(PublicChange change, CancellationToken cancellationToken) => EvictAsync(Tag, cancellationToken);

        public Task EvictSearchesAsync(CancellationToken cancellationToken) => EvictAsync(SearchTag, cancellationToken);

        private async Task EvictAsync(string tag, CancellationToken cancellationToken)
        {
            evictions.Begin(tag);
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }
}
