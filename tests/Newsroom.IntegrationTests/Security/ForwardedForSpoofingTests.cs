using System.Net;

using Newsroom.IntegrationTests.Hosting;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 10: behind a load balancer every reader arrived from the proxy's address and shared one rate-limit bucket,
/// and nothing read X-Forwarded-For. Now the real client's address counts, but only when a configured proxy says so:
/// a forged X-Forwarded-For from anyone else (loopback included) changes nothing.
/// </summary>
public sealed class ForwardedForSpoofingTests(ForwardedForSpoofingTests.Factory api) : IClassFixture<ForwardedForSpoofingTests.Factory>
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.1");

    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "2",
            ["Newsroom:ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
            ["Newsroom:ForwardedHeaders:KnownNetworks:0"] = "192.168.0.0/16",
        };
    }

    [Fact]
    public async Task Two_readers_behind_a_trusted_proxy_get_separate_search_buckets()
    {
        var proxy = api.CreateClientFrom(Proxy);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await SearchTimesAsync(proxy, 3, "203.0.113.7"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await SearchTimesAsync(proxy, 2, "203.0.113.8"));
    }

    [Fact]
    public async Task Readers_behind_a_proxy_of_a_trusted_network_get_separate_search_buckets()
    {
        var proxy = api.CreateClientFrom(IPAddress.Parse("192.168.40.2"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await SearchTimesAsync(proxy, 3, "203.0.113.17"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await SearchTimesAsync(proxy, 2, "203.0.113.18"));
    }

    [Theory]
    [InlineData("198.51.100.20")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_forged_X_Forwarded_For_from_an_untrusted_address_does_not_change_the_bucket(string attacker)
    {
        var client = api.CreateClientFrom(IPAddress.Parse(attacker));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.AddRange(await SearchTimesAsync(client, 1, $"203.0.113.{100 + i}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_trusted_proxy_cannot_be_used_to_launder_a_chain_of_forged_addresses()
    {
        // The attacker sends "X-Forwarded-For: <fresh forged address>"; the proxy appends the attacker's real address.
        var proxy = api.CreateClientFrom(Proxy);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.AddRange(await SearchTimesAsync(proxy, 1, $"203.0.113.{150 + i}, 198.51.100.77"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("Newsroom__ForwardedHeaders__KnownProxies__0", "proxy.internal", "Newsroom:ForwardedHeaders:KnownProxies")]
    [InlineData("Newsroom__ForwardedHeaders__KnownNetworks__0", "10.0.0.0/33", "Newsroom:ForwardedHeaders:KnownNetworks")]
    [InlineData("Newsroom__ForwardedHeaders__KnownNetworks__0", "10.0.0.1", "Newsroom:ForwardedHeaders:KnownNetworks")]
    [InlineData("Newsroom__ForwardedHeaders__ForwardLimit", "0", "Newsroom:ForwardedHeaders:ForwardLimit")]
    [InlineData("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true", "ASPNETCORE_FORWARDEDHEADERS_ENABLED")]
    public async Task Proxy_settings_that_would_trust_the_wrong_clients_stop_start_up_and_say_which(string variable, string value, string named)
    {
        var (exitCode, errors) = await StartupConfigurationTests.StartProductionAsync(ApiProcess.SigningKey, new Dictionary<string, string> { [variable] = value });

        Assert.Equal(3, exitCode);
        Assert.Contains(named, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    private static async Task<List<HttpStatusCode>> SearchTimesAsync(HttpClient client, int times, string forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            // A word never asked before: a cached answer would be served before the rate limiter counts it.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q=mot{Guid.NewGuid():N}");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }
}
