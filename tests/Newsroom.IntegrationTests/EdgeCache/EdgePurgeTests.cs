namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>
/// The real API process behind the shipped VCL in a real varnishd, purging it: a change readers can see is purged at
/// the edge after its commit, and the edge then serves the change.
/// </summary>
public sealed class EdgePurgeTests(EdgePurgeTests.Edge edge) : IClassFixture<EdgePurgeTests.Edge>
{
    public sealed class Edge : IAsyncLifetime
    {
        public VarnishServer Varnish { get; } = new();

        public EdgeApiProcess Api { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // No poll to speak of: a purge that arrives was sent because its own commit woke the dispatcher.
            Api = new EdgeApiProcess([Varnish.BaseAddress], settings: new Dictionary<string, string> { ["Newsroom__Outbox__PollSeconds"] = "3600" });
            await Api.InitializeAsync();
            await Varnish.StartAsync(Api.BaseAddress);
        }

        public async Task DisposeAsync()
        {
            await Varnish.DisposeAsync();
            await Api.DisposeAsync();
        }
    }

    private readonly HttpClient _readers = edge.Varnish.CreateClient(new Uri(ApiProcess.PublicBaseUrl).Host);

    private async Task<string[]> ThroughTheEdgeAsync(params EditorialDesk.Published[] articles)
    {
        var states = new List<string>();
        foreach (var article in articles)
        {
            var answer = await EdgeAnswer.GetAsync(_readers, article.Path);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            states.Add(answer.Cache);
        }

        return states.ToArray();
    }

    [Fact]
    public async Task An_edit_is_purged_at_the_edge_after_its_commit_and_readers_then_get_the_new_version()
    {
        using var admin = await edge.Api.CreateAdminClientAsync();
        var authorId = await EditorialDesk.CreateAuthorAsync(admin);
        var article = await EditorialDesk.PublishAsync(admin, authorId, "Avant la correction");
        var before = (await SettledAsync()).Count;
        await ThroughTheEdgeAsync(article);
        Assert.Equal(["HIT"], await ThroughTheEdgeAsync(article));

        var title = "Après la correction " + Guid.NewGuid().ToString("N")[..8];
        await EditorialDesk.RetitleAsync(admin, article, authorId, title);

        // The purge names the article, or everything while the API does not name the keys of a change.
        var purges = await EditorialDesk.PollAsync(edge.Varnish.PurgesReceivedAsync, seen => seen.Skip(before).Any(p => Names(p, article)), TimeSpan.FromSeconds(10));
        Assert.Contains(purges.Skip(before), p => Names(p, article));
        var reread = await EdgeAnswer.GetAsync(_readers, article.Path);
        Assert.Equal("MISS", reread.Cache);
        Assert.Contains(title, reread.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purge_after_publishing_one_article_leaves_another_articles_page_a_hit_when_pages_carry_their_keys()
    {
        using var admin = await edge.Api.CreateAdminClientAsync();
        var authorId = await EditorialDesk.CreateAuthorAsync(admin);
        var other = await EditorialDesk.PublishAsync(admin, authorId, "Déjà en cache");
        var before = (await SettledAsync()).Count;
        await ThroughTheEdgeAsync(other);
        var keyed = (await EdgeAnswer.GetAsync(edge.Api.CreateClient(), other.Path)).Response.Headers.Contains("xkey");

        var published = await EditorialDesk.PublishAsync(admin, authorId, "La nouvelle du jour");

        var purges = await EditorialDesk.PollAsync(edge.Varnish.PurgesReceivedAsync, seen => seen.Skip(before).Any(p => Names(p, published)), TimeSpan.FromSeconds(10));
        var purge = Assert.Single(purges.Skip(before), p => Names(p, published));
        if (keyed)
        {
            // Pages carry their keys (xkey) and a publication names its own: the other page stays cached.
            Assert.DoesNotContain(other.Key, purge.Split(' '));
            Assert.Equal(["HIT"], await ThroughTheEdgeAsync(other));
        }
        else
        {
            // Without keys on the pages the edge can only be purged of everything, and it must be.
            Assert.Equal("*", purge);
            Assert.Equal(["MISS"], await ThroughTheEdgeAsync(other));
        }
    }

    [Fact]
    public async Task Readers_never_see_the_keys_of_the_APIs_answers()
    {
        using var admin = await edge.Api.CreateAdminClientAsync();
        var article = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Sans étiquettes visibles");
        await SettledAsync();

        var miss = await EdgeAnswer.GetAsync(_readers, article.Path);
        var hit = await EdgeAnswer.GetAsync(_readers, article.Path);

        Assert.Equal(["MISS", "HIT"], [miss.Cache, hit.Cache]);
        Assert.All([miss, hit], answer => Assert.False(answer.Response.Headers.Contains("xkey") || answer.Response.Headers.Contains("Surrogate-Key")));
    }

    [Fact]
    public async Task A_signed_in_editor_through_the_edge_is_never_answered_from_its_cache()
    {
        using var admin = await edge.Api.CreateAdminClientAsync();
        var article = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Lu par la rédaction");
        await ThroughTheEdgeAsync(article);
        using var editor = edge.Varnish.CreateClient(new Uri(ApiProcess.PublicBaseUrl).Host);
        editor.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;

        var signedIn = await EdgeAnswer.GetAsync(editor, article.Path);
        var adminList = await EdgeAnswer.GetAsync(editor, "/api/v1/admin/articles");

        Assert.Equal((HttpStatusCode.OK, "PASS"), (signedIn.Status, signedIn.Cache));
        Assert.Equal((HttpStatusCode.OK, "PASS"), (adminList.Status, adminList.Cache));
    }

    /// <summary>
    /// Once every outbox message is processed, the purges Varnish received (as many as the edge.purge messages): what
    /// is read through the edge after it is not dropped by the purge of an earlier change still on its way.
    /// </summary>
    private async Task<IReadOnlyList<string>> SettledAsync()
    {
        var outbox = await EditorialDesk.PollAsync(edge.Api.OutboxAsync, rows => rows.All(r => r.Processed), TimeSpan.FromSeconds(10));
        var sent = outbox.Count(r => r.Type == "edge.purge");
        var received = await EditorialDesk.PollAsync(edge.Varnish.PurgesReceivedAsync, seen => seen.Count >= sent, TimeSpan.FromSeconds(10));
        Assert.Equal(sent, received.Count);
        return received;
    }

    private static bool Names(string purge, EditorialDesk.Published article) => purge == "*" || purge.Split(' ').Contains(article.Key);
}
