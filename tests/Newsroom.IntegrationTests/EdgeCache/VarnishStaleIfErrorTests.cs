using System.Diagnostics;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>stale-if-error in deploy/varnish/newsroom.vcl: a varnishd of its own, whose only backend goes away.</summary>
public sealed class VarnishStaleIfErrorTests
{
    [Fact]
    public async Task While_every_backend_is_sick_an_expired_copy_is_served_within_its_stale_if_error()
    {
        var backend = new KeyedBackend();
        await backend.StartAsync();
        await using var varnish = new VarnishServer();
        await varnish.StartAsync(backend.BaseAddress);
        using var client = varnish.CreateClient();
        var path = $"/api/v1/articles/{Guid.NewGuid():N}?cc={Uri.EscapeDataString("public, s-maxage=1, stale-while-revalidate=0, stale-if-error=600")}";
        var fresh = await EdgeAnswer.GetAsync(client, path);
        Assert.Equal("MISS", fresh.Cache);

        await backend.DisposeAsync();

        // Until the probe has found the backend gone, a read past the s-maxage tries it and fails (503); after, the
        // copy is served. Past the s-maxage: Age is at least 2 with s-maxage=1.
        var answers = new List<string>();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var answer = await EdgeAnswer.GetAsync(client, path);
            var age = answer.Response.Headers.Age?.TotalSeconds ?? 0;
            answers.Add($"{(int)answer.Status} {answer.Cache} age={age}");
            if (answer.Status == HttpStatusCode.OK && age >= 2)
            {
                Assert.Equal(("HIT", fresh.Body), (answer.Cache, answer.Body));
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "No stale copy served: " + string.Join(", ", answers));
            await Task.Delay(200);
        }
    }
}
