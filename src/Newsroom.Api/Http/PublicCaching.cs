using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Application.Common.Abstractions;

namespace Newsroom.Api.Http;

/// <summary>HTTP caching of public reads (configuration section <c>Newsroom:Caching</c>).</summary>
public sealed class CachingOptions
{
    public const string SectionName = "Newsroom:Caching";

    public int MaxAgeSeconds { get; set; } = 60;

    public int StaleWhileRevalidateSeconds { get; set; } = 300;

    /// <summary>How long the server keeps a public response; every content change evicts it sooner.</summary>
    public int ServerCacheSeconds { get; set; } = 60;
}

/// <summary>
/// Public reads are cached twice: by clients and CDNs (Cache-Control, a strong ETag, Last-Modified, 304s), and by the
/// server's output cache, tagged so that any committed content change evicts every public entry at once.
/// Admin and authentication routes never use this policy, so no cached public answer can be served to them.
/// </summary>
internal static class PublicCaching
{
    public const string Policy = "public";
    public const string Tag = "public-content";

    public static IServiceCollection AddNewsroomCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CachingOptions.SectionName).Get<CachingOptions>() ?? new CachingOptions();
        services.AddSingleton(options);
        services.AddOutputCache(cache => cache.AddPolicy(Policy, new PublicOutputCachePolicy(TimeSpan.FromSeconds(options.ServerCacheSeconds))));
        services.AddSingleton<IContentChangeNotifier, OutputCacheEviction>();
        return services;
    }

    /// <summary>
    /// Gives every successful public GET a strong ETag (a hash of the exact bytes) and Last-Modified, and answers
    /// matching If-None-Match / If-Modified-Since with 304. Runs inside the output cache, so cached entries carry the
    /// same validators and the output cache answers 304s for them without running anything.
    /// </summary>
    public static IApplicationBuilder UsePublicValidators(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsPublicRead(context.Request))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
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
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)).AsSpan(0, 16))}\"";
            var generated = DateTimeOffset.UtcNow;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = generated.ToString("R", CultureInfo.InvariantCulture);
            if (context.Request.Headers.IfNoneMatch.ToString().Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*"))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });

    public static bool IsPublicRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && (request.Path.StartsWithSegments("/api/v1") || request.Path.StartsWithSegments("/sitemap.xml") || request.Path.StartsWithSegments("/sitemap-news.xml"))
        && !request.Path.StartsWithSegments("/api/v1/admin")
        && !request.Path.StartsWithSegments("/api/v1/auth");

    /// <summary>Caches public GETs whatever headers the caller sends (authentication never changes a public answer), varying by the whole query string.</summary>
    private sealed class PublicOutputCachePolicy(TimeSpan duration) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var cacheable = IsPublicRead(request);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = duration;
            context.CacheVaryByRules.QueryKeys = "*";
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.AllowCacheStorage &= context.HttpContext.Response.StatusCode == StatusCodes.Status200OK
                && !context.HttpContext.Response.Headers.ContainsKey("Set-Cookie");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class OutputCacheEviction(IOutputCacheStore store) : IContentChangeNotifier
    {
        public async Task ContentChangedAsync(CancellationToken cancellationToken) => await store.EvictByTagAsync(Tag, cancellationToken);
    }
}
