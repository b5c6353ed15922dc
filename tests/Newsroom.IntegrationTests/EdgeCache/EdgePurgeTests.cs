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

    private static readonly Guid Culture = Guid.Parse("0193f000-0000-7000-8000-000000000002");

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

        var purges = await EditorialDesk.PollAsync(edge.Varnish.PurgesReceivedAsync, seen => seen.Skip(before).Any(p => Names(p, article)), TimeSpan.FromSeconds(10));
        Assert.Contains(purges.Skip(before), p => Names(p, article));
        var reread = await EdgeAnswer.GetAsync(_readers, article.Path);
        Assert.Equal("MISS", reread.Cache);
        Assert.Contains(title, reread.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_purges_its_own_page_and_its_new_previous_article_and_leaves_another_articles_page_a_hit()
    {
        using var admin = await edge.Api.CreateAdminClientAsync();
        var unique = Guid.NewGuid().ToString("N")[..6];
        // Each its own author and tag, and the farther one alone in its section: their pages show nothing of each other
        // ("À lire également" takes the picks, then the tags', then the section's newest) but previous/next. The
        // publication is in a third section, so its neighbours in its section are none of these.
        await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Avant le lointain", ArticleFixtures.Technologies, "Premier " + unique);
        var farther = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Déjà en cache", ArticleFixtures.Business, "Lointain " + unique);
        await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Entre les deux", ArticleFixtures.Technologies, "Intercalaire " + unique);
        var previous = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Le dernier paru", ArticleFixtures.Technologies, "Voisin " + unique);
        var before = (await SettledAsync()).Count;
        await ThroughTheEdgeAsync(farther, previous);
        Assert.Equal(["HIT", "HIT"], await ThroughTheEdgeAsync(farther, previous));

        var published = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "La nouvelle du jour", Culture, "Nouveau " + unique);

        var purges = await EditorialDesk.PollAsync(edge.Varnish.PurgesReceivedAsync, seen => seen.Skip(before).Any(p => Names(p, published)), TimeSpan.FromSeconds(10));
        var purge = Assert.Single(purges.Skip(before), p => Names(p, published)).Split(' ');
        Assert.Contains(previous.Key, purge);
        Assert.DoesNotContain(farther.Key, purge);
        // The previous article's page now links to the publication; the farther one's is untouched and stays cached.
        Assert.Equal(["HIT", "MISS"], await ThroughTheEdgeAsync(farther, previous));
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

    private Task<IReadOnlyList<string>> SettledAsync() => EditorialDesk.SettledAsync(edge.Api, edge.Varnish);

    private static bool Names(string purge, EditorialDesk.Published article) => purge.Split(' ').Contains(article.Key);
}
