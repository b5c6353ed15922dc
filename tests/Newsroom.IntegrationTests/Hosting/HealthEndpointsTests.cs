namespace Newsroom.IntegrationTests.Hosting;

public sealed class HealthEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Live_and_ready_are_healthy_when_the_database_answers()
    {
        var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>Readiness tells a load balancer to stop sending traffic when the database is gone; liveness does not restart the process for it.</summary>
public sealed class HealthWithoutDatabaseTests(HealthWithoutDatabaseTests.Factory api) : IClassFixture<HealthWithoutDatabaseTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:ApplyMigrations"] = "false",
        };

        protected override void ConfigureTestServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
            services.RemoveHostedDatabaseStartup();

        protected override Task<string> CreateDatabaseAsync() =>
            Task.FromResult("Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=2");
    }

    [Fact]
    public async Task Ready_is_503_and_live_is_200_when_the_database_is_unreachable()
    {
        var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
