using Newsroom.IntegrationTests.Hosting;
using Newsroom.IntegrationTests.Infrastructure;

namespace Newsroom.IntegrationTests.Telemetry;

/// <summary>
/// newsroom.database.outage follows the database: 1 while it is stopped, 0 again once it is back, and /metrics keeps
/// answering meanwhile (the outbox's probe fails soft: the exporter repeats the gauges' last values). A real process
/// on a cluster of its own, since the cluster is stopped. A public list cached before the stop is served stale
/// meanwhile, and counted as result="stale".
/// </summary>
public sealed class DatabaseOutageMetricsTests(DatabaseOutageMetricsTests.Fixture fixture) : IClassFixture<DatabaseOutageMetricsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public StoppableCluster Cluster { get; private set; } = null!;

        public ApiProcess Api { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Cluster = await StoppableCluster.StartAsync();
            Api = new ApiWithShortCache(Cluster.ConnectionString);
            await Api.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            await Cluster.DisposeAsync();
        }
    }

    /// <summary>A server cache of 1 s, so that the list cached before the outage is stale during it.</summary>
    private sealed class ApiWithShortCache(string connectionString) : ApiProcess
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings__Newsroom"] = connectionString,
            ["Newsroom__ApplyMigrations"] = "true",
            ["Newsroom__Caching__ServerCacheSeconds"] = "1",
        };
    }

    [Fact]
    public async Task The_outage_gauge_is_1_while_the_database_is_stopped_stale_reads_are_counted_and_it_is_0_once_back()
    {
        var client = fixture.Api.CreateClient();
        await client.ScrapeUntilAsync(scrape => scrape.Has("newsroom_outbox_backlog") && scrape.Sum("newsroom_database_outage") == 0);
        (await client.GetAsync("/api/v1/articles")).EnsureSuccessStatusCode();

        await fixture.Cluster.StopAsync();
        await client.ScrapeUntilAsync(scrape => scrape.Sum("newsroom_database_outage") == 1, TimeSpan.FromSeconds(30));

        // The list cached before the stop has expired (1 s) by now: it is served stale, and counted so.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await client.GetAsync("/api/v1/articles")).Headers.TryGetValues("Cache-Status", out _))
        {
            Assert.True(DateTime.UtcNow < deadline, "The cached list was never served stale during the outage.");
            await Task.Delay(100);
        }

        await client.ScrapeUntilAsync(scrape => scrape.Sum("newsroom_cache_requests_total", "result=\"stale\"") >= 1);

        await fixture.Cluster.RestartAsync();
        await client.ScrapeUntilAsync(scrape => scrape.Sum("newsroom_database_outage") == 0, TimeSpan.FromSeconds(30));
    }
}
