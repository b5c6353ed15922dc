using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Newsroom.Api.Http;

namespace Newsroom.Api.Hosting;

/// <summary>How a stop (SIGTERM, Ctrl+C) treats the requests in flight (configuration section <c>Newsroom:Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Newsroom:Shutdown";

    /// <summary>
    /// How long the requests in flight get to finish once the API stops accepting connections; the rest are cut off.
    /// The whole stop (background loops, then the embedded database) must fit in it too, so keep it below the
    /// grace period of whatever sends SIGTERM (Kubernetes: 30 s, Docker: 10 s unless told otherwise).
    /// </summary>
    [Range(1, 3600)]
    public int DrainSeconds { get; set; } = 30;
}

/// <summary>
/// SIGTERM under load: the host stops Kestrel first (it stops accepting connections and waits for the requests in
/// flight, within <see cref="ShutdownOptions.DrainSeconds"/>, the host's <see cref="HostOptions.ShutdownTimeout"/>),
/// then the background loops, then, in <c>DatabaseStartup.StoppedAsync</c>, the embedded database. This counts the
/// requests in flight to say, in one line at the start and one at the end, what the stop waited for.
/// </summary>
internal sealed partial class GracefulShutdown(IOptions<ShutdownOptions> options, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    private readonly Stopwatch _draining = new();
    private int _inFlight;
    private int _finishedWhileStopping;
    private volatile bool _stopping;

    public static void AddTo(IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>(
            (host, shutdown) => host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.DrainSeconds));
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
    }

    /// <summary>First in the pipeline, so that every request is counted; two interlocked operations per request.</summary>
    public async Task CountAsync(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            if (_stopping)
            {
                Interlocked.Increment(ref _finishedWhileStopping);
            }
        }
    }

    /// <summary>
    /// Last before the endpoint: a request body is read whole, through the request stream, before the handler
    /// parses it. At shutdown Kestrel wakes every connection's reader (CancelPendingRead) to stop keep-alive, and a
    /// body still arriving then is read by System.Text.Json's PipeReader deserializer, which examines more than it
    /// consumes: Kestrel (10.0) can then no longer hide its own wake-up, and the deserializer fails with "PipeReader.ReadAsync
    /// was canceled" (a 500, and a broken upload). The stream consumes all it examines, so Kestrel skips its wake-up.
    /// Requests without a body (every public read) pass through untouched; bodies are bounded by Kestrel's limit.
    /// </summary>
    public static async Task ReadBodyWholeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // Only a body the request declares: bodiless requests (every public read) pass through untouched.
        if (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        {
            // Pooled 16 kB blocks: a body near the limit does not land in the large object heap.
            var body = PooledBuffers.Rent("request-body");
            await request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            request.Body = body;
            context.Response.RegisterForDisposeAsync(body);
        }

        await next(context);
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _draining.Start();
        LogStopping(logger, Volatile.Read(ref _inFlight), options.Value.DrainSeconds);
        return Task.CompletedTask;
    }

    /// <summary>Every hosted service has stopped, Kestrel first: what was in flight has finished or been cut off.</summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped(logger, Volatile.Read(ref _finishedWhileStopping), Volatile.Read(ref _inFlight), _draining.Elapsed.TotalSeconds);
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: no new connections; {InFlight} requests in flight get up to {DrainSeconds} s to finish")]
    private static partial void LogStopping(ILogger logger, int inFlight, int drainSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requests drained: {Finished} finished during the shutdown, {CutOff} cut off, after {Seconds:0.0} s")]
    private static partial void LogStopped(ILogger logger, int finished, int cutOff, double seconds);
}
