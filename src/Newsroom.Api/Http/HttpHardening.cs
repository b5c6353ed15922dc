using Microsoft.AspNetCore.Http.Features;

namespace Newsroom.Api.Http;

/// <summary>Defaults every response gets: security headers, a body size cap and the right caching stance.</summary>
internal static class HttpHardening
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseNewsroomHardening(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.RequestServices.GetRequiredService<StrictTransportSecurity>().HeaderValue is { } hsts)
        {
            headers.StrictTransportSecurity = hsts;
        }

        // Swagger UI is the only HTML we serve; the JSON API needs no script, style or frame at all.
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger")
            ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
            : "default-src 'none'; frame-ancestors 'none'";

        // Kestrel enforces the cap while reading; checking the declared length first answers 413 before any byte is read (and under any server).
        if (context.Request.ContentLength > MaxRequestBodyBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxRequestBodyBytes;
        }

        context.Response.OnStarting(() =>
        {
            ApplyCachePolicy(context);
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Public reads are public whoever asks (authentication never changes them, and a cached copy made for a signed-in
    /// caller must not carry "private" to the next one), but for one an eviction touched while it was being made, which
    /// no shared cache may keep; everything else, errors included, is never stored.
    /// </summary>
    private static void ApplyCachePolicy(HttpContext context)
    {
        if (PublicCaching.IsPublicRead(context) && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
        {
            ResponseCacheKeys.AlsoAsSurrogateKey(context.Response.Headers);
            var caching = context.RequestServices.GetRequiredService<CachingOptions>();
            context.Response.Headers.CacheControl = PublicCaching.BegunBeforeEviction(context) ? caching.UnsharedCacheControl() : caching.PublicCacheControl();
            return;
        }

        context.Response.Headers.CacheControl = "private, no-store";
    }
}
