using System.Diagnostics;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// The database goes away under a running API and comes back: requests that need it are 503 with <c>Retry-After</c>
/// meanwhile, never 500, and the same API serves again within 2 s of its return. A cluster of its own, since it is
/// stopped (the suite's shared cluster serves every other class); persistent, so that its data survive the stop.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.Factory api) : IClassFixture<DatabaseOutageTests.Factory>
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(2);

    public sealed class Factory : NewsroomApiFactory
    {
        public StoppableCluster Cluster { get; private set; } = null!;

        protected override async Task<string> CreateDatabaseAsync()
        {
            Cluster = await StoppableCluster.StartAsync();
            return Cluster.ConnectionString;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task While_the_database_is_away_reads_and_writes_are_503_and_they_work_again_within_2_s_of_its_return()
    {
        var admin = await api.CreateAdminClientAsync();
        var reader = api.CreateClient();
        var authorId = await api.CreateAuthorAsync("Plume de la panne");
        var uncachedRead = $"/api/v1/articles?limit=7&x={Guid.NewGuid():N}";
        await admin.CreateArticleAsync(ArticleFixtures.Body(authorId, "Avant la panne"));
        // Several readers at once leave several idle connections in the pools, more than the outage's requests touch.
        var before = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => reader.GetAsync($"/api/v1/articles?limit=7&before={i}")));
        Assert.All(before, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));

        await api.Cluster.StopAsync();

        var read = await reader.GetAsync(uncachedRead);
        await read.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        AssertRetryAfter(read);
        var write = await admin.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, "Pendant la panne"));
        await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "service-unavailable");
        AssertRetryAfter(write);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/live")).StatusCode);

        await api.Cluster.RestartAsync();
        var back = Stopwatch.StartNew();
        // No connection to the departed server is handed out: the first request after the return gets a fresh one.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/articles?limit=7&after={Guid.NewGuid():N}")).StatusCode);

        await WithinRecoveryAsync(back, () => reader.GetAsync(uncachedRead), HttpStatusCode.OK);
        await WithinRecoveryAsync(back, () => admin.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, "Après la panne")), HttpStatusCode.Created);
        await WithinRecoveryAsync(back, () => reader.GetAsync("/health/ready"), HttpStatusCode.OK);
    }

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 and <= 30, $"Retry-After: {response.Headers.RetryAfter}");
    }

    /// <summary>Tries until the expected answer, failing with the last one once the recovery time (from the database's return) has passed.</summary>
    private static async Task WithinRecoveryAsync(Stopwatch sinceReturn, Func<Task<HttpResponseMessage>> request, HttpStatusCode expected)
    {
        while (true)
        {
            var response = await request();
            if (response.StatusCode == expected)
            {
                return;
            }

            Assert.True(sinceReturn.Elapsed < Recovery,
                $"Still {(int)response.StatusCode} {sinceReturn.ElapsedMilliseconds} ms after the database's return: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(50);
        }
    }
}
