namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>The shipped VCL in a real varnishd over <see cref="KeyedBackend"/>, plus a second varnishd whose purge ACL leaves loopback out.</summary>
public sealed class VarnishRulesFixture : IAsyncLifetime
{
    public KeyedBackend Backend { get; } = new();

    public VarnishServer Varnish { get; } = new();

    public VarnishServer RefusingPurges { get; } = new(purgesFromLoopback: false);

    public async Task InitializeAsync()
    {
        await Backend.StartAsync();
        await Varnish.StartAsync(Backend.BaseAddress);
        await RefusingPurges.StartAsync(Backend.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await RefusingPurges.DisposeAsync();
        await Varnish.DisposeAsync();
        await Backend.DisposeAsync();
    }
}

/// <summary>What a client saw: Varnish's X-Cache (HIT, MISS or PASS; "none" without one), the body, and the headers.</summary>
public sealed record EdgeAnswer(HttpStatusCode Status, string Cache, string Body, HttpResponseMessage Response)
{
    public static async Task<EdgeAnswer> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? prepare = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        prepare?.Invoke(request);
        var response = await client.SendAsync(request);
        var cache = response.Headers.TryGetValues("X-Cache", out var values) ? values.Single() : "none";
        return new EdgeAnswer(response.StatusCode, cache, await response.Content.ReadAsStringAsync(), response);
    }
}
