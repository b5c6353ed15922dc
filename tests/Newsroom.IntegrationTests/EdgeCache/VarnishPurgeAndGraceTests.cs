using System.Diagnostics;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>
/// PURGE by key and the lifetimes of deploy/varnish/newsroom.vcl, in a real varnishd over a stand-in backend that tags
/// its answers as the API does.
/// </summary>
public sealed class VarnishPurgeAndGraceTests(VarnishRulesFixture edge) : IClassFixture<VarnishRulesFixture>
{
    private readonly HttpClient _client = edge.Varnish.CreateClient();

    private static string Tagged(string keys) => $"/api/v1/articles/{Guid.NewGuid():N}?keys={Uri.EscapeDataString(keys)}";

    private async Task<string[]> CacheStatesAsync(params string[] paths)
    {
        var states = new List<string>();
        foreach (var path in paths)
        {
            states.Add((await EdgeAnswer.GetAsync(_client, path)).Cache);
        }

        return states.ToArray();
    }

    [Fact]
    public async Task A_purge_by_key_evicts_the_objects_carrying_it_and_leaves_the_others_hits()
    {
        var (first, second, other) = ($"article-{Guid.NewGuid():N}", $"article-{Guid.NewGuid():N}", $"article-{Guid.NewGuid():N}");
        var page = Tagged($"{first} list");
        var list = Tagged($"list {first} {second}");
        var otherPage = Tagged($"{other} list");
        await CacheStatesAsync(page, list, otherPage);

        using var purge = await edge.Varnish.PurgeAsync(first);

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(["MISS", "MISS", "HIT"], await CacheStatesAsync(page, list, otherPage));
    }

    [Fact]
    public async Task A_purge_of_several_keys_evicts_the_objects_carrying_any_of_them()
    {
        var (a, b, c) = ($"tag-{Guid.NewGuid():N}", $"section-{Guid.NewGuid():N}", $"author-{Guid.NewGuid():N}");
        var (withA, withB, withC) = (Tagged(a), Tagged(b), Tagged(c));
        await CacheStatesAsync(withA, withB, withC);

        using var purge = await edge.Varnish.PurgeAsync($"{a} {b}");

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(["MISS", "MISS", "HIT"], await CacheStatesAsync(withA, withB, withC));
    }

    [Fact]
    public async Task A_purge_of_everything_evicts_every_object_whatever_its_keys()
    {
        var (tagged, untagged) = (Tagged($"site-{Guid.NewGuid():N}"), $"/api/v1/site/{Guid.NewGuid():N}");
        await CacheStatesAsync(tagged, untagged);
        Assert.Equal(["HIT", "HIT"], await CacheStatesAsync(tagged, untagged));

        using var purge = await edge.Varnish.PurgeAsync("*");

        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(["MISS", "MISS"], await CacheStatesAsync(tagged, untagged));
    }

    [Fact]
    public async Task A_PURGE_from_outside_the_ACL_is_refused_and_evicts_nothing()
    {
        var key = $"article-{Guid.NewGuid():N}";
        var page = Tagged(key);
        using var refusing = edge.RefusingPurges.CreateClient();
        await EdgeAnswer.GetAsync(refusing, page);

        using var purge = await edge.RefusingPurges.PurgeAsync(key);

        Assert.Equal(HttpStatusCode.Forbidden, purge.StatusCode);
        Assert.Equal("HIT", (await EdgeAnswer.GetAsync(refusing, page)).Cache);
    }

    [Fact]
    public async Task A_PURGE_without_keys_is_a_400()
    {
        using var request = new HttpRequestMessage(new HttpMethod("PURGE"), "/");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_purges_an_instance_answered_can_be_read_back_for_the_tests()
    {
        var key = $"article-{Guid.NewGuid():N}";

        (await edge.Varnish.PurgeAsync($"{key} list")).Dispose();

        Assert.Contains($"{key} list", await EditorialDesk.PollAsync(edge.Varnish.PurgesReceivedAsync, seen => seen.Contains($"{key} list"), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Past_its_s_maxage_without_stale_while_revalidate_a_copy_is_never_served_the_fresh_one_is_waited_for()
    {
        // Varnish's own default grace is 10 s: the VCL sets it from stale-while-revalidate, here none.
        var path = $"/api/v1/articles/{Guid.NewGuid():N}?cc={Uri.EscapeDataString("public, s-maxage=1, stale-while-revalidate=0")}";

        var answers = await AnswersUntilRefreshedAsync(path);

        Assert.Equal("MISS", answers[^1].Cache);
    }

    [Fact]
    public async Task Past_its_s_maxage_a_copy_kept_for_stale_if_error_is_not_served_while_the_backend_is_healthy()
    {
        var path = $"/api/v1/articles/{Guid.NewGuid():N}?cc={Uri.EscapeDataString("public, s-maxage=1, stale-while-revalidate=0, stale-if-error=600")}";

        var answers = await AnswersUntilRefreshedAsync(path);

        Assert.Equal("MISS", answers[^1].Cache);
    }

    [Fact]
    public async Task Within_stale_while_revalidate_the_stale_copy_is_served_while_a_fresh_one_is_fetched_behind()
    {
        var path = $"/api/v1/articles/{Guid.NewGuid():N}?cc={Uri.EscapeDataString("public, s-maxage=1, stale-while-revalidate=600")}";

        var answers = await AnswersUntilRefreshedAsync(path);

        // The fresh copy was fetched in the background: it arrives as a hit, never through a waiting miss.
        Assert.Equal("HIT", answers[^1].Cache);
        Assert.Equal(1, answers.Count(a => a.Cache == "MISS"));
    }

    /// <summary>Reads <paramref name="path"/> until the backend's second answer shows; every answer on the way.</summary>
    private async Task<List<EdgeAnswer>> AnswersUntilRefreshedAsync(string path)
    {
        var answers = new List<EdgeAnswer>();
        var deadline = Stopwatch.StartNew();
        var refreshed = path[..path.IndexOf('?', StringComparison.Ordinal)] + " #2";
        while (answers.Count == 0 || answers[^1].Body != refreshed)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "Never refreshed: " + string.Join(", ", answers.Select(a => $"{a.Cache} {a.Body}")));
            answers.Add(await EdgeAnswer.GetAsync(_client, path));
            await Task.Delay(100);
        }

        return answers;
    }
}
