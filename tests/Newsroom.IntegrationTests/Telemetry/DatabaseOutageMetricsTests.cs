using Newsroom.IntegrationTests.Hosting;

namespace Newsroom.IntegrationTests.Telemetry;

/// <summary>
/// newsroom.database.outage follows the database: 1 while it is stopped, 0 again once it is back, and /metrics keeps
/// answering meanwhile (the outbox's probe fails soft: the exporter repeats the gauges' last values). A real process
/// on a cluster of its own, since the cluster is stopped.
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
            Api = new StartupBeforeTheDatabaseTests.ApiOn(Cluster.ConnectionString);
            await Api.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            await Cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_outage_gauge_is_1_while_the_database_is_stopped_and_0_once_it_is_back()
    {
        var client = fixture.Api.CreateClient();
        await client.ScrapeUntilAsync(scrape => scrape.Has("newsroom_outbox_backlog") && scrape.Sum("newsroom_database_outage") == 0);

        await fixture.Cluster.StopAsync();
        await client.ScrapeUntilAsync(scrape => scrape.Sum("newsroom_database_outage") == 1, TimeSpan.FromSeconds(30));

        await fixture.Cluster.RestartAsync();
        await client.ScrapeUntilAsync(scrape => scrape.Sum("newsroom_database_outage") == 0, TimeSpan.FromSeconds(30));
    }
}
