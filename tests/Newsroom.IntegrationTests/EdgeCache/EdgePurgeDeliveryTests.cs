namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>
/// How purges reach the edge: kept and retried while the edge cache is away, then delivered and logged; with two API
/// instances on one database, every outbox message handled by one of them, once.
/// </summary>
public sealed class EdgePurgeDeliveryTests
{
    [Fact]
    public async Task A_purge_the_edge_cache_could_not_take_is_retried_until_it_is_back_and_the_episode_is_logged_once()
    {
        await using var varnish = new VarnishServer();
        var api = new EdgeApiProcess([varnish.BaseAddress]);
        await api.InitializeAsync();
        try
        {
            using var admin = await api.CreateAdminClientAsync();
            var article = await EditorialDesk.PublishAsync(admin, await EditorialDesk.CreateAuthorAsync(admin), "Publié pendant la panne");

            // Varnish is not running: the purge fails, is kept, and is tried again (at most 1 s apart here).
            var failing = await EditorialDesk.PollAsync(api.OutboxAsync, rows => rows.Any(r => r.Type == "edge.purge" && r.Attempts >= 3), TimeSpan.FromSeconds(20));
            Assert.Contains(failing, r => r.Type == "edge.purge" && r.Attempts >= 3 && !r.Processed);

            await varnish.StartAsync(api.BaseAddress);

            var outbox = await EditorialDesk.PollAsync(api.OutboxAsync, rows => rows.All(r => r.Processed), TimeSpan.FromSeconds(20));
            Assert.All(outbox, r => Assert.True(r.Processed, $"{r.Type} {r.Payload} not processed after {r.Attempts} tries"));
            var purges = await varnish.PurgesReceivedAsync();
            Assert.Contains(purges, p => p == "*" || p.Split(' ').Contains(article.Key));
            Assert.Equal(1, LinesSaying(api, $"The edge cache {varnish.BaseAddress} does not take purges"));
            Assert.Equal(1, LinesSaying(api, $"The edge cache {varnish.BaseAddress} takes purges again"));
            Assert.True(LinesSaying(api, "Edge caches purged of") >= 1);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_two_instances_on_one_database_every_outbox_message_is_handled_once()
    {
        await using var varnish = new VarnishServer();
        var first = new EdgeApiProcess([varnish.BaseAddress]);
        await first.InitializeAsync();
        // Started after the first has created the bootstrap admin, on the same database.
        var second = new EdgeApiProcess([varnish.BaseAddress], first.ConnectionString);
        await second.InitializeAsync();
        try
        {
            await varnish.StartAsync(first.BaseAddress, second.BaseAddress);
            using var viaFirst = await first.CreateAdminClientAsync();
            using var viaSecond = await second.CreateAdminClientAsync();
            var authorId = await EditorialDesk.CreateAuthorAsync(viaFirst);

            // Changes through both instances at once: each instance's dispatcher is woken by its own commits and
            // polls for the other's, so both compete for every message.
            await Task.WhenAll(Enumerable.Range(0, 10).Select(i => EditorialDesk.PublishAsync(i % 2 == 0 ? viaFirst : viaSecond, authorId, $"Dépêche {i}")));

            var outbox = await EditorialDesk.PollAsync(first.OutboxAsync, rows => rows.All(r => r.Processed), TimeSpan.FromSeconds(20));
            var purgeMessages = outbox.Count(r => r.Type == "edge.purge");
            Assert.True(purgeMessages >= 11, $"{purgeMessages} edge.purge messages");
            Assert.Equal(10, outbox.Count(r => r.Type == "article.published"));
            Assert.All(outbox, r => Assert.True(r.Processed && r.Attempts == 0, $"{r.Type}: processed {r.Processed}, {r.Attempts} failed tries"));
            var purges = await EditorialDesk.PollAsync(varnish.PurgesReceivedAsync, seen => seen.Count >= purgeMessages, TimeSpan.FromSeconds(10));
            var handledBy = new[] { first, second }.Select(api => LinesSaying(api, "Edge caches purged of")).ToArray();
            Assert.Equal((purgeMessages, purgeMessages), (purges.Count, handledBy.Sum()));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    /// <summary>Log lines (one JSON object each in Production) that say <paramref name="part"/>.</summary>
    private static int LinesSaying(ApiProcess api, string part) => api.Output.Count(line => line.Contains(part, StringComparison.Ordinal));
}
