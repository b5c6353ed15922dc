using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>
/// A stand-in backend for the VCL's own rules only (the API's tests run the real API): on Kestrel, every path answers
/// 200 "&lt;path&gt; #&lt;n&gt;" (n counts the requests for that path and query), cacheable by default
/// (<c>Cache-Control</c> from the <c>cc</c> query value, else <c>public, max-age=0, s-maxage=300</c>), tagged with the
/// keys of the <c>keys</c> query value in <c>xkey</c> and <c>Surrogate-Key</c>, as the API tags its answers.
/// It answers as if public even where the API would not, so that what is not cached is Varnish's doing.
/// </summary>
public sealed class KeyedBackend : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _cookies = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests that reached the backend for this path and query.</summary>
    public int RequestsFor(string pathAndQuery) => _requests.GetValueOrDefault(pathAndQuery);

    /// <summary>Cookie headers the backend received.</summary>
    public IReadOnlyCollection<string> CookiesSeen => _cookies.ToArray();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(Answer);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task Answer(HttpContext context)
    {
        var request = context.Request;
        if (request.Path == "/health/ready")
        {
            await context.Response.WriteAsync("Healthy");
            return;
        }

        var pathAndQuery = request.Path + request.QueryString;
        var count = _requests.AddOrUpdate(pathAndQuery, 1, (_, n) => n + 1);
        if (request.Headers.Cookie.Count > 0)
        {
            _cookies.Enqueue(request.Headers.Cookie.ToString());
        }

        context.Response.Headers.CacheControl = request.Query["cc"].FirstOrDefault() ?? "public, max-age=0, s-maxage=300";
        if (request.Query["keys"].FirstOrDefault() is { } keys)
        {
            context.Response.Headers["xkey"] = keys;
            context.Response.Headers["Surrogate-Key"] = keys;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"{request.Path} #{count}");
    }
}
