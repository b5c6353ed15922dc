using System.Net.Http.Headers;
using Newsroom.IntegrationTests.Security;

namespace Newsroom.IntegrationTests.Telemetry;

/// <summary>
/// /metrics of the real API process in Production: each of the newsroom's own metrics appears after the traffic that
/// drives it, beside ASP.NET Core's. A process of its own, because a meter is seen by every host of a process.
/// </summary>
public sealed class MetricsTests(MetricsTests.Api api) : IClassFixture<MetricsTests.Api>
{
    public sealed class Api : ApiProcess
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Newsroom__Publishing__PollSeconds"] = "0.2",
            // As in NewsroomApiFactory: a loaded runner must not turn a one-line body into a 422.
            ["Newsroom__Rendering__TimeBudgetMilliseconds"] = "30000",
        };
    }

    [Fact]
    public async Task A_public_read_asked_twice_counts_a_miss_then_a_hit()
    {
        var client = api.CreateClient();
        var before = await client.ScrapeAsync();
        var path = $"/api/v1/articles?limit=3&x={Guid.NewGuid():N}";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        await client.ScrapeUntilAsync(after =>
            after.Sum("newsroom_cache_requests_total", "result=\"miss\"") >= before.Sum("newsroom_cache_requests_total", "result=\"miss\"") + 1
            && after.Sum("newsroom_cache_requests_total", "result=\"hit\"") >= before.Sum("newsroom_cache_requests_total", "result=\"hit\"") + 1);
    }

    [Fact]
    public async Task A_refused_sign_in_is_counted_with_a_reason_that_names_no_account()
    {
        var client = api.CreateClient();
        var before = await client.ScrapeAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.AttemptAsync($"nobody-{Guid.NewGuid():N}@tests.newsroom", "not the password at all")).StatusCode);

        var after = await client.ScrapeUntilAsync(after =>
            after.Sum("newsroom_auth_logins_refused_total", "reason=\"credentials\"") >= before.Sum("newsroom_auth_logins_refused_total", "reason=\"credentials\"") + 1);
        Assert.DoesNotContain(after.Keys, series => series.Contains("nobody-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_is_timed()
    {
        var client = api.CreateClient();
        var before = await client.ScrapeAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/search?q=recrutement{Guid.NewGuid():N}")).StatusCode);

        await client.ScrapeUntilAsync(after => after.Sum("newsroom_search_duration_seconds_count") >= before.Sum("newsroom_search_duration_seconds_count") + 1);
    }

    [Fact]
    public async Task A_scheduled_article_going_live_records_its_delay_and_the_outbox_backlog_drains_once_its_event_is_dispatched()
    {
        var admin = await AdminAsync();
        var before = await admin.ScrapeAsync();
        var author = await admin.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Plume des métriques " + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.Created, author.StatusCode);
        var authorId = (await author.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var article = await admin.CreateArticleAsync(ArticleFixtures.Body(authorId, "Programmé pour les métriques"));

        // Far enough ahead that a loaded runner cannot make it past before the request is validated.
        var scheduled = await admin.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddSeconds(5) });
        Assert.True(scheduled.StatusCode == HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());

        var after = await admin.ScrapeUntilAsync(after =>
            after.Sum("newsroom_publishing_go_live_delay_seconds_count") >= before.Sum("newsroom_publishing_go_live_delay_seconds_count") + 1
            && after.Has("newsroom_outbox_backlog") && after.Sum("newsroom_outbox_backlog") == 0, TimeSpan.FromSeconds(45));
        Assert.True(after.Has("newsroom_outbox_oldest_age_seconds"));
        Assert.Equal(0, after.Sum("newsroom_database_outage"));
    }

    [Fact]
    public async Task ASP_NET_Cores_request_durations_are_exposed_by_route_and_scrapes_are_not_among_them()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/sections")).StatusCode);

        var scrape = await client.ScrapeUntilAsync(after => after.Has("http_server_request_duration_seconds_count"));

        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/v1/sections/\"") >= 1,
            string.Join('\n', scrape.Keys.Where(series => series.StartsWith("http_server_request_duration_seconds_count", StringComparison.Ordinal))));
        Assert.Equal(0, scrape.Sum("http_server_request_duration_seconds_count", "http_route=\"/metrics\""));
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_that_no_cache_may_keep()
    {
        var response = await api.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new CacheControlHeaderValue { Private = true, NoStore = true }, response.Headers.CacheControl);
    }

    [Fact]
    public async Task Npgsqls_pool_metrics_are_exposed_without_the_connection_string_that_names_each_pool()
    {
        var scrape = await api.CreateClient().ScrapeUntilAsync(scrape => scrape.Has("db_client_operation_duration_seconds_count"));

        Assert.DoesNotContain(scrape.Keys, series => series.Contains("Username=", StringComparison.OrdinalIgnoreCase) || series.Contains("Host=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Prometheus_scraping_the_API_by_its_address_is_answered_whatever_host_the_API_serves()
    {
        using var byAddress = new HttpClient { BaseAddress = api.BaseAddress };

        var response = await byAddress.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await byAddress.GetAsync("/api/v1/sections")).StatusCode);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(NewsroomApiFactory.AdminEmail, NewsroomApiFactory.AdminPassword));
        return client;
    }
}
