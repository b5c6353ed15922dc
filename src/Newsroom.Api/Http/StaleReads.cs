using System.Globalization;
using Microsoft.Net.Http.Headers;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Api.Http;

/// <summary>
/// stale-if-error (RFC 5861) in the server: a public read that fails because the database is unreachable is answered
/// from the server cache's stale copy when there is one, a response that expired (never one that a content change
/// evicted) less than <see cref="CachingOptions.StaleIfErrorSeconds"/> ago. The copy goes out as it was stored (200,
/// body, ETag, Last-Modified; a 304 when the caller's validators match) with <c>Age</c> and a <c>Cache-Status</c>
/// (RFC 9211) saying that it is stale and why. Without a copy, the failure goes on to its 503.
/// </summary>
internal static class StaleReads
{
    /// <summary>The field RFC 9211 made for this: Warning (110, "Response is Stale") is obsolete since RFC 9111.</summary>
    public const string CacheStatusHeader = "Cache-Status";

    /// <summary>Marks the second lookup, which <see cref="PublicCaching"/>'s policy turns into a stale one.</summary>
    private static readonly object StaleLookupKey = new();

    /// <summary>Set when the second lookup found nothing: the output cache went on to the end of its branch.</summary>
    private static readonly object NoCopyKey = new();

    /// <summary>
    /// Goes around the output cache. Only an outage (<see cref="DatabaseOutage.IsOutage"/>) of a public read whose
    /// response has not started is answered stale: any other failure (a bug, a bad query, a cancelled request) keeps
    /// its answer, and a 503 that is not about a read (the readiness check) never gets here. A timeout getting a
    /// connection counts, as the rule says: the database is then as good as gone, and a stale copy beats an error.
    /// </summary>
    public static IApplicationBuilder UseStaleReadsDuringOutages(this IApplicationBuilder app)
    {
        var caching = app.ApplicationServices.GetRequiredService<CachingOptions>();
        if (caching.StaleIfErrorSeconds == 0)
        {
            return app;
        }

        // A second output cache over the same store, which only looks up: the first one has given up by now.
        var copies = app.New();
        copies.UseOutputCache();
        copies.Run(context =>
        {
            context.Items[NoCopyKey] = true;
            return Task.CompletedTask;
        });
        var serveStaleCopy = copies.Build();

        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception outage) when (DatabaseOutage.IsOutage(outage) && !context.Response.HasStarted && PublicCaching.IsPublicRead(context))
            {
                context.Items[StaleLookupKey] = true;
                context.Response.OnStarting(() =>
                {
                    if (!context.Items.ContainsKey(NoCopyKey))
                    {
                        context.Response.Headers[CacheStatusHeader] = CacheStatus(context.Response.Headers.Age.ToString(), caching.ServerCacheSeconds);
                    }

                    return Task.CompletedTask;
                });
                await serveStaleCopy(context);
                if (context.Items.ContainsKey(NoCopyKey))
                {
                    throw;
                }
            }
        });
    }

    /// <summary>Whether this is the lookup of a stale copy, made after the database failed the read.</summary>
    public static bool IsStaleLookup(HttpContext context) => context.Items.ContainsKey(StaleLookupKey);

    /// <summary>
    /// <c>Newsroom; hit; ttl=-N; detail=stale-if-error</c>: served by the server cache (hit) although its freshness ran
    /// out N seconds ago (a negative ttl is RFC 9211's way of saying stale), because the database could not be reached.
    /// </summary>
    public static string CacheStatus(string? age, int serverCacheSeconds)
    {
        var ageSeconds = HeaderUtilities.TryParseNonNegativeInt64(age, out var parsed) ? parsed : 0;
        return string.Create(CultureInfo.InvariantCulture, $"Newsroom; hit; ttl={serverCacheSeconds - ageSeconds}; detail=stale-if-error");
    }
}
