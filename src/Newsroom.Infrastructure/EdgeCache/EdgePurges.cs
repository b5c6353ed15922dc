using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Outbox;

namespace Newsroom.Infrastructure.EdgeCache;

/// <summary>
/// Sends an <see cref="Type"/> outbox message to every edge cache: <c>PURGE</c> on its configured URL with
/// <c>xkey-purge: &lt;keys&gt;</c> ("*" for everything, see deploy/varnish/newsroom.vcl). Done when every edge cache
/// answered 2xx; otherwise the whole message is tried again after the back-off (doubling from
/// <see cref="EdgeCacheOptions.FirstRetrySeconds"/> up to <see cref="EdgeCacheOptions.MaxRetrySeconds"/>), the
/// caches that took it included: a purge taken twice only costs them a miss. An edge cache that stops taking purges
/// is logged once (warning) until it takes one again (information).
/// </summary>
internal sealed partial class EdgePurges(
    IHttpClientFactory clients,
    IOptions<EdgeCacheOptions> options,
    NewsroomMetrics metrics,
    ILogger<EdgePurges> logger) : IOutboxHandler
{
    /// <summary>The outbox type of an edge purge; its payload is the keys (<see cref="Application.Common.Abstractions.PublicChange.ToString"/>).</summary>
    public const string Type = "edge.purge";

    public const string ClientName = "Newsroom edge purges";

    private static readonly HttpMethod Purge = new("PURGE");

    /// <summary>Failed purges in a row, per edge cache failing now.</summary>
    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);

    public string MessageType => Type;

    public async Task<OutboxOutcome> HandleAsync(ClaimedMessage message, CancellationToken cancellationToken)
    {
        var keys = string.IsNullOrWhiteSpace(message.Payload) ? "*" : message.Payload;
        var settings = options.Value;
        var failed = 0;
        foreach (var url in settings.PurgeUrls)
        {
            if (!await PurgeAsync(url, keys, settings, cancellationToken))
            {
                failed++;
            }
        }

        if (failed > 0)
        {
            return OutboxOutcome.Retry(settings.RetryAfter(message.Attempts + 1));
        }

        LogPurged(keys, settings.PurgeUrls.Count, message.Attempts + 1);
        return OutboxOutcome.Done;
    }

    private async Task<bool> PurgeAsync(string url, string keys, EdgeCacheOptions settings, CancellationToken cancellationToken)
    {
        string? failure;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var request = new HttpRequestMessage(Purge, url);
            request.Headers.TryAddWithoutValidation("xkey-purge", keys);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException ex)
        {
            failure = ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"no answer within {settings.TimeoutSeconds} s";
        }

        metrics.EdgePurged(failure is null);
        if (failure is null)
        {
            if (_failing.TryRemove(url, out var failures))
            {
                LogBack(url, failures);
            }

            return true;
        }

        if (_failing.AddOrUpdate(url, 1, (_, failures) => failures + 1) == 1)
        {
            LogFailing(url, failure, settings.MaxRetrySeconds);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Edge caches purged of {Keys} ({Caches} caches, try {Try})")]
    private partial void LogPurged(string keys, int caches, int @try);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The edge cache {Url} does not take purges ({Reason}); they are kept and tried again, waiting up to {MaxRetrySeconds} s between tries")]
    private partial void LogFailing(string url, string reason, double maxRetrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "The edge cache {Url} takes purges again, after {Failures} failed tries")]
    private partial void LogBack(string url, int failures);
}
