using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Outbox;

namespace Newsroom.Infrastructure.EdgeCache;

internal static class EdgeCacheSetup
{
    /// <summary>
    /// The outbox's dispatcher (on every instance) and its one handler so far, the edge caches' purges, with the
    /// announcer that writes them. Without <c>Newsroom:EdgeCache:PurgeUrls</c> the announcer writes nothing.
    /// </summary>
    public static IServiceCollection AddOutboxAndEdgePurges(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EdgeCacheOptions>().BindConfiguration(EdgeCacheOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxClaims>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddScoped<IPublicChangeAnnouncer, EdgePurgeAnnouncer>();
        services.AddSingleton<IOutboxHandler, EdgePurges>();
        // Its own timeout is the purge's (EdgeCacheOptions.TimeoutSeconds); the factory's per-request log lines
        // would repeat the purger's own.
        services.AddHttpClient(EdgePurges.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        return services;
    }
}
