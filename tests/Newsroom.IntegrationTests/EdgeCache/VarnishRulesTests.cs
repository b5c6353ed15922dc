using System.Net.Http.Headers;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>
/// The rules of deploy/varnish/newsroom.vcl, in a real varnishd over a stand-in backend that tags its answers as the
/// API does (the API's own answers through Varnish: <see cref="EdgePurgeTests"/>). Each test uses paths of its own.
/// </summary>
public sealed class VarnishRulesTests(VarnishRulesFixture edge) : IClassFixture<VarnishRulesFixture>
{
    private readonly HttpClient _client = edge.Varnish.CreateClient();

    private static string UniquePath(string name) => $"/api/v1/{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_second_GET_of_a_public_URL_is_a_hit_and_the_backend_sees_one_request()
    {
        var path = UniquePath("articles");

        var first = await EdgeAnswer.GetAsync(_client, path);
        var second = await EdgeAnswer.GetAsync(_client, path);

        Assert.Equal(("MISS", $"{path} #1"), (first.Cache, first.Body));
        Assert.Equal(("HIT", $"{path} #1"), (second.Cache, second.Body));
        Assert.Equal(1, edge.Backend.RequestsFor(path));
    }

    [Fact]
    public async Task A_HEAD_after_a_GET_is_answered_from_the_cache()
    {
        var path = UniquePath("sections");
        await EdgeAnswer.GetAsync(_client, path);

        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal("HIT", head.Headers.GetValues("X-Cache").Single());
        Assert.Equal(1, edge.Backend.RequestsFor(path));
    }

    [Fact]
    public async Task A_request_with_Authorization_is_never_answered_from_the_cache_nor_stored()
    {
        var path = UniquePath("articles");
        void SignedIn(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "a-token");

        var cachedForReaders = await EdgeAnswer.GetAsync(_client, path);
        var signedIn = await EdgeAnswer.GetAsync(_client, path, SignedIn);
        var signedInAgain = await EdgeAnswer.GetAsync(_client, path, SignedIn);
        var reader = await EdgeAnswer.GetAsync(_client, path);

        Assert.Equal("MISS", cachedForReaders.Cache);
        Assert.Equal(("PASS", $"{path} #2"), (signedIn.Cache, signedIn.Body));
        Assert.Equal(("PASS", $"{path} #3"), (signedInAgain.Cache, signedInAgain.Body));
        // The signed-in answers were not stored: readers still get the copy made for them.
        Assert.Equal(("HIT", $"{path} #1"), (reader.Cache, reader.Body));
    }

    [Fact]
    public async Task An_answer_to_a_signed_in_request_is_not_stored_for_the_readers_who_come_next()
    {
        var path = UniquePath("articles");

        await EdgeAnswer.GetAsync(_client, path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "a-token"));
        var reader = await EdgeAnswer.GetAsync(_client, path);

        Assert.Equal(("MISS", $"{path} #2"), (reader.Cache, reader.Body));
    }

    [Theory]
    [InlineData("/api/v1/admin/articles")]
    [InlineData("/api/v1/ADMIN/articles")]
    [InlineData("/api/v1/admin")]
    [InlineData("/api/v1/auth/token")]
    [InlineData("/api/v1/Auth/me")]
    [InlineData("/metrics")]
    [InlineData("/metrics?x=1")]
    [InlineData("/health/ready")]
    public async Task Administration_authentication_metrics_and_health_are_never_cached(string path)
    {
        var first = await EdgeAnswer.GetAsync(_client, path);
        var second = await EdgeAnswer.GetAsync(_client, path);

        Assert.Equal(["PASS", "PASS"], [first.Cache, second.Cache]);
    }

    [Fact]
    public async Task Paths_that_merely_begin_like_the_private_ones_are_cached()
    {
        var path = "/api/v1/authors-" + Guid.NewGuid().ToString("N");

        await EdgeAnswer.GetAsync(_client, path);
        var second = await EdgeAnswer.GetAsync(_client, path);

        Assert.Equal("HIT", second.Cache);
    }

    [Fact]
    public async Task The_keys_stay_inside_the_cache_on_a_miss_and_on_a_hit()
    {
        var path = UniquePath("articles") + "?keys=article-1%20list";

        var miss = await EdgeAnswer.GetAsync(_client, path);
        var hit = await EdgeAnswer.GetAsync(_client, path);

        Assert.Equal(["MISS", "HIT"], [miss.Cache, hit.Cache]);
        foreach (var answer in new[] { miss, hit })
        {
            Assert.False(answer.Response.Headers.Contains("xkey"));
            Assert.False(answer.Response.Headers.Contains("Surrogate-Key"));
            Assert.False(answer.Response.Headers.Contains("x-newsroom-swr"));
        }
    }

    [Fact]
    public async Task One_object_serves_gzip_to_clients_that_take_it_and_plain_text_to_the_others()
    {
        var path = UniquePath("articles");

        var brotliOrGzip = await EdgeAnswer.GetAsync(_client, path, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip;q=0.9, deflate"));
        var gzip = await EdgeAnswer.GetAsync(_client, path, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip"));
        var identity = await EdgeAnswer.GetAsync(_client, path);
        var deflateOnly = await EdgeAnswer.GetAsync(_client, path, r => r.Headers.TryAddWithoutValidation("Accept-Encoding", "deflate"));

        Assert.Equal(["MISS", "HIT", "HIT", "HIT"], [brotliOrGzip.Cache, gzip.Cache, identity.Cache, deflateOnly.Cache]);
        Assert.Equal(["gzip", "gzip", "", ""], new[] { brotliOrGzip, gzip, identity, deflateOnly }.Select(a => string.Join(',', a.Response.Content.Headers.ContentEncoding)).ToArray());
        Assert.Equal($"{path} #1", identity.Body);
        Assert.Equal(1, edge.Backend.RequestsFor(path));
    }

    [Fact]
    public async Task Cookies_neither_prevent_caching_nor_reach_the_backend_on_public_reads()
    {
        var path = UniquePath("articles");

        await EdgeAnswer.GetAsync(_client, path, r => r.Headers.Add("Cookie", "_ga=one"));
        var second = await EdgeAnswer.GetAsync(_client, path, r => r.Headers.Add("Cookie", "_ga=two"));

        Assert.Equal("HIT", second.Cache);
        Assert.DoesNotContain(edge.Backend.CookiesSeen, cookie => cookie.Contains("_ga", StringComparison.Ordinal));
    }
}
