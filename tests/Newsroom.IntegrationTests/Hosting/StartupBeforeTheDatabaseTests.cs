using System.Diagnostics;
using Npgsql;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// An orchestrator may start the API and its database at once: the API waits for a database that is not up yet
/// (within <c>Newsroom__Database__StartupWaitSeconds</c>) rather than exiting at the first refusal, and gives up
/// with a clear message once the wait is over. Real processes: the API in Production, a cluster of its own.
/// </summary>
public sealed class StartupBeforeTheDatabaseTests
{
    /// <summary>The API in Production on the given database, migrating it at start-up: it must reach it before listening.</summary>
    internal sealed class ApiOn(string connectionString) : ApiProcess
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["ConnectionStrings__Newsroom"] = connectionString,
            ["Newsroom__ApplyMigrations"] = "true",
        };
    }

    [Fact]
    public async Task An_API_started_before_its_database_waits_for_it_and_becomes_ready_without_a_restart()
    {
        await using var cluster = await StoppableCluster.StartAsync();
        await cluster.StopAsync();
        var api = new ApiOn(cluster.ConnectionString);
        try
        {
            var starting = api.InitializeAsync();
            await UntilAsync(() => api.Output.Any(line => line.Contains("not reachable yet", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
            Assert.False(starting.IsCompleted, "The API listened before its database was up.");

            await cluster.RestartAsync();

            await starting;
            Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_database_that_never_comes_up_stops_start_up_after_the_wait_and_says_which_server_and_setting()
    {
        var clock = Stopwatch.StartNew();
        // The default connection string of StartProductionAsync: a port nothing listens on.
        var (exitCode, errors) = await StartupConfigurationTests.StartProductionAsync(
            ApiProcess.SigningKey, new Dictionary<string, string> { ["Newsroom__Database__StartupWaitSeconds"] = "2" });

        Assert.Equal(4, exitCode);
        Assert.Contains("Newsroom cannot start", errors, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", errors, StringComparison.Ordinal);
        Assert.Contains("Newsroom__Database__StartupWaitSeconds", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Exited after {clock.Elapsed}.");
    }

    [Fact]
    public async Task A_missing_database_on_a_running_server_is_not_waited_for()
    {
        var missing = new NpgsqlConnectionStringBuilder(await TestCluster.CreateDatabaseAsync()) { Database = "newsroom_missing_" + Guid.NewGuid().ToString("N") };
        var clock = Stopwatch.StartNew();

        var (exitCode, _) = await StartupConfigurationTests.StartProductionAsync(
            ApiProcess.SigningKey, new Dictionary<string, string> { ["ConnectionStrings__Newsroom"] = missing.ConnectionString });

        Assert.NotEqual(0, exitCode);
        // Well under the default wait of 60 s: the first refusal ended start-up.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Exited after {clock.Elapsed}.");
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"Not within {timeout}.");
            await Task.Delay(50);
        }
    }
}
