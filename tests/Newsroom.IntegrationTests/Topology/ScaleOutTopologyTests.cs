using Newsroom.IntegrationTests.EdgeCache;
using Xunit.Abstractions;

namespace Newsroom.IntegrationTests.Topology;

/// <summary>
/// Issue #14 end to end: a change made through one API process is seen through the other and through Varnish, whose
/// cached answers it had to drop; an unrelated cached page stays a hit; signed-in reads never touch Varnish's cache.
/// Each wait is a poll with a generous deadline; the time it took is written to the test's output.
/// </summary>
public sealed class ScaleOutTopologyTests(ScaleOutTopology topology, ITestOutputHelper output) : IClassFixture<ScaleOutTopology>
{
    private const string List = "/api/v1/articles";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly Guid Culture = Guid.Parse("0193f000-0000-7000-8000-000000000002");

    private readonly HttpClient _a = topology.A.CreateClient();
    private readonly HttpClient _b = topology.B.CreateClient();
    private readonly HttpClient _edge = topology.Varnish.CreateClient(new Uri(ApiProcess.PublicBaseUrl).Host);

    [Fact]
    public async Task An_article_published_through_one_instance_is_read_through_the_other_and_through_Varnish()
    {
        using var admin = await topology.A.CreateAdminClientAsync();
        var draft = await admin.CreateArticleAsync(ArticleFixtures.Body(await EditorialDesk.CreateAuthorAsync(admin), "Publié par A " + Unique()));
        var page = $"/api/v1/articles/{draft.GetProperty("slug").GetString()}";
        await topology.SettledAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _b.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EdgeAnswer.GetAsync(_edge, page)).Status);
        await CachedAsync(List, (_b, "B"), (_edge, "Varnish"));

        (await admin.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).EnsureSuccessStatusCode();

        await SeenEverywhereAsync("publication: page", page, (status, _) => status == HttpStatusCode.OK, (_b, "B"), (_edge, "Varnish"));
        await SeenEverywhereAsync("publication: list", List, (_, body) => body.Contains(draft.Id(), StringComparison.Ordinal), (_b, "B"), (_edge, "Varnish"));
    }

    [Fact]
    public async Task An_article_withdrawn_through_one_instance_is_gone_through_the_other_and_through_Varnish()
    {
        using var admin = await topology.B.CreateAdminClientAsync();
        var article = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Retiré par B");
        await topology.SettledAsync();
        await CachedAsync(article.Path, (_a, "A"), (_edge, "Varnish"));

        (await admin.PostAsync($"/api/v1/admin/articles/{article.Id}/withdraw", null)).EnsureSuccessStatusCode();

        await SeenEverywhereAsync("withdrawal", article.Path, (status, _) => status == HttpStatusCode.NotFound, (_a, "A"), (_edge, "Varnish"));
    }

    [Fact]
    public async Task An_edit_a_tag_rename_and_a_section_change_are_each_seen_through_both_instances_and_Varnish()
    {
        using var admin = await topology.A.CreateAdminClientAsync();
        var authorId = await EditorialDesk.CreateAuthorAsync(admin);
        var tag = "Étiquette " + Unique();
        var article = await EditorialDesk.PublishAsync(admin, authorId, "Avant la correction", ArticleFixtures.Technologies, tag);
        var slug = article.Article.GetProperty("slug").GetString();
        var version = article.Article.ETag();

        var title = "Après la correction " + Unique();
        version = await ChangeAsync("edit of the title through A", article,
            () => PutAsync(admin, article, Edited(authorId, title, slug, ArticleFixtures.Technologies, tag), version),
            body => body.Contains(title, StringComparison.Ordinal));

        // The seeded Business section's slug.
        await ChangeAsync("section change through A", article,
            () => PutAsync(admin, article, Edited(authorId, title, slug, ArticleFixtures.Business, tag), version),
            body => SectionOf(body) == "business");

        var renamed = "Renommée " + Unique();
        var tagId = article.Article.GetProperty("tags")[0].GetProperty("id").GetString();
        using var throughB = await topology.B.CreateAdminClientAsync();
        await ChangeAsync("tag rename through B", article,
            async () => (await throughB.PutAsJsonAsync($"/api/v1/admin/tags/{tagId}", new { name = renamed })).EnsureSuccessStatusCode(),
            body => body.Contains(renamed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scheduled_article_goes_live_once_and_is_seen_through_both_instances_and_Varnish()
    {
        using var admin = await topology.A.CreateAdminClientAsync();
        var draft = await admin.CreateArticleAsync(ArticleFixtures.Body(await EditorialDesk.CreateAuthorAsync(admin), "Programmé " + Unique()));
        await topology.SettledAsync();
        await CachedAsync(List, (_a, "A"), (_b, "B"), (_edge, "Varnish"));

        var publishAt = DateTimeOffset.UtcNow.AddSeconds(2);
        (await admin.PostAsJsonAsync($"/api/v1/admin/articles/{draft.Id()}/schedule", new { publishAt })).EnsureSuccessStatusCode();

        await SeenEverywhereAsync("scheduled publication (from its scheduling, 2 s early)", List, (_, body) => body.Contains(draft.Id(), StringComparison.Ordinal), (_a, "A"), (_b, "B"), (_edge, "Varnish"));
        output.WriteLine($"seen everywhere {(DateTimeOffset.UtcNow - publishAt).TotalMilliseconds:0} ms after its publishAt");
        var revisions = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{draft.Id()}/revisions");
        Assert.Single(revisions.EnumerateArray(), revision => revision.GetProperty("action").GetString() == "published");
    }

    [Fact]
    public async Task Publishing_one_article_leaves_an_unrelated_articles_page_a_hit_in_Varnish()
    {
        using var admin = await topology.A.CreateAdminClientAsync();
        var unique = Unique();
        // Its own author and tag, alone of these in its section, and two publications away from the new one (in a third
        // section): its page shows nothing of it, nor of its previous article, whose page the publication changes
        // (previous/next run across sections; see EdgePurgeTests).
        var farther = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Déjà en cache", ArticleFixtures.Business, "Lointain " + unique);
        await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Entre les deux", ArticleFixtures.Technologies, "Intercalaire " + unique);
        await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Le dernier paru", ArticleFixtures.Technologies, "Voisin " + unique);
        var before = (await topology.SettledAsync()).Count;
        await CachedAsync(farther.Path, (_edge, "Varnish"));

        var published = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "La nouvelle du jour", Culture, "Nouveau " + unique);

        var purges = await EditorialDesk.PollAsync(topology.Varnish.PurgesReceivedAsync, seen => seen.Skip(before).Any(p => p.Split(' ').Contains(published.Key)), Deadline);
        var purge = Assert.Single(purges.Skip(before), p => p.Split(' ').Contains(published.Key));
        output.WriteLine($"the publication's purge: {purge}");
        Assert.DoesNotContain(farther.Key, purge.Split(' '));
        Assert.Equal((HttpStatusCode.OK, "HIT"), await StateAsync(_edge, farther.Path));
    }

    [Fact]
    public async Task Through_Varnish_signed_in_reads_are_never_cached_and_anonymous_ones_never_get_private_content()
    {
        using var admin = await topology.A.CreateAdminClientAsync();
        var article = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Lu par la rédaction");
        await topology.SettledAsync();
        await CachedAsync(article.Path, (_edge, "Varnish"));
        using var editor = topology.Varnish.CreateClient(new Uri(ApiProcess.PublicBaseUrl).Host);
        editor.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        var signedIn = new[] { await EdgeAnswer.GetAsync(editor, article.Path), await EdgeAnswer.GetAsync(editor, "/api/v1/admin/articles"), await EdgeAnswer.GetAsync(editor, "/api/v1/admin/articles") };
        var anonymous = await EdgeAnswer.GetAsync(_edge, "/api/v1/admin/articles");

        Assert.All(signedIn, answer => Assert.Equal((HttpStatusCode.OK, "PASS"), (answer.Status, answer.Cache)));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.DoesNotContain(article.Id.ToString(), anonymous.Body, StringComparison.Ordinal);
    }

    /// <summary>Makes <paramref name="change"/> once the article's page is cached everywhere, then waits until it shows everywhere.</summary>
    private async Task<T> ChangeAsync<T>(string what, EditorialDesk.Published article, Func<Task<T>> change, Func<string, bool> shows)
    {
        await topology.SettledAsync();
        await CachedAsync(article.Path, (_a, "A"), (_b, "B"), (_edge, "Varnish"));
        var changed = await change();
        await SeenEverywhereAsync(what, article.Path, (status, body) => status == HttpStatusCode.OK && shows(body), (_a, "A"), (_b, "B"), (_edge, "Varnish"));
        return changed;
    }

    private static Dictionary<string, object?> Edited(Guid authorId, string title, string? slug, Guid sectionId, string tag)
    {
        var body = ArticleFixtures.Body(authorId, title, slug);
        body["sectionId"] = sectionId;
        body["tags"] = new[] { tag };
        return body;
    }

    private static async Task<string> PutAsync(HttpClient admin, EditorialDesk.Published article, Dictionary<string, object?> body, string version)
    {
        var response = await admin.PutArticleAsync(article.Id.ToString(), body, version);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.ETag();
    }

    private static string? SectionOf(string page) =>
        JsonDocument.Parse(page).RootElement.GetProperty("section").GetProperty("slug").GetString();

    /// <summary>Reads <paramref name="path"/> through each reader until it is served from that reader's cache (an instance's Age, Varnish's HIT).</summary>
    private async Task CachedAsync(string path, params (HttpClient Client, string Name)[] readers)
    {
        foreach (var (client, name) in readers)
        {
            await Polling.UntilAsync(async () => (await StateAsync(client, path)) is (HttpStatusCode.OK, "HIT"), Deadline, $"{path} never got cached in {name}");
        }
    }

    /// <summary>Polls every reader at once from now until each shows the change; writes how long each took.</summary>
    private async Task SeenEverywhereAsync(string what, string path, Func<HttpStatusCode, string, bool> seen, params (HttpClient Client, string Name)[] readers)
    {
        var waits = await Task.WhenAll(readers.Select(reader => Polling.UntilAsync(
            async () =>
            {
                var answer = await EdgeAnswer.GetAsync(reader.Client, path);
                return seen(answer.Status, answer.Body);
            },
            Deadline,
            $"the {what} was not seen through {reader.Name} on {path}")));
        output.WriteLine($"{what}: " + string.Join(", ", readers.Zip(waits, (reader, wait) => $"{reader.Name} {wait.TotalMilliseconds:0} ms")));
    }

    /// <summary>The status and whether the answer came from a cache: Varnish's X-Cache, or HIT when an instance's output cache sent an Age.</summary>
    private static async Task<(HttpStatusCode Status, string Cache)> StateAsync(HttpClient client, string path)
    {
        var answer = await EdgeAnswer.GetAsync(client, path);
        return (answer.Status, answer.Cache != "none" ? answer.Cache : answer.Response.Headers.Age is null ? "MISS" : "HIT");
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
