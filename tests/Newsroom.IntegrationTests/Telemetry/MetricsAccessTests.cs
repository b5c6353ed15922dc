using System.Net;
using Microsoft.AspNetCore.TestHost;
using Newsroom.IntegrationTests.Hosting;

namespace Newsroom.IntegrationTests.Telemetry;

/// <summary>
/// Who may read /metrics: by default loopback and the private networks only; a port of its own and any network by
/// configuration. Everyone else gets the 404 of an unknown path. The peer is set on the connection as Kestrel would.
/// </summary>
public sealed class MetricsAccessTests(MetricsAccessTests.ByDefault api, MetricsAccessTests.OnItsOwnPort ownPort, MetricsAccessTests.OpenToAnyNetwork open, MetricsAccessTests.Disabled disabled)
    : IClassFixture<MetricsAccessTests.ByDefault>, IClassFixture<MetricsAccessTests.OnItsOwnPort>, IClassFixture<MetricsAccessTests.OpenToAnyNetwork>, IClassFixture<MetricsAccessTests.Disabled>
{
    private const int MetricsPort = 9464;

    /// <summary>The API's defaults, /metrics turned back on (the tests' factory turns it off, see <see cref="NewsroomApiFactory"/>).</summary>
    public sealed class ByDefault : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Metrics:Enabled"] = "true" };
    }

    public sealed class OnItsOwnPort : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Metrics:Enabled"] = "true", ["Newsroom:Metrics:Port"] = MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public sealed class OpenToAnyNetwork : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Metrics:Enabled"] = "true", ["Newsroom:Metrics:AllowedNetworks"] = "*" };
    }

    public sealed class Disabled : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Metrics:Enabled"] = "false" };
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.9")]
    [InlineData("192.168.1.4")]
    [InlineData("::ffff:192.168.1.4")]
    [InlineData("fd12:3456::7")]
    public async Task By_default_metrics_are_answered_to_loopback_and_private_networks(string peer)
    {
        var response = await Client(api, peer).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::7")]
    [InlineData("::ffff:203.0.113.7")]
    public async Task By_default_a_client_from_a_public_address_gets_the_404_of_an_unknown_path(string peer)
    {
        var response = await Client(api, peer).GetAsync("/metrics");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain("newsroom_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_whose_peer_is_unknown_is_refused()
    {
        var response = await api.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_a_port_of_their_own_metrics_are_answered_there_only_whatever_the_Host_header_says()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client(ownPort, "10.0.0.5", MetricsPort).GetAsync("/metrics")).StatusCode);

        var onTheApisPort = Client(ownPort, "10.0.0.5", 8080);
        onTheApisPort.DefaultRequestHeaders.Host = $"localhost:{MetricsPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await onTheApisPort.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onTheApisPort.GetAsync("/api/v1/sections")).StatusCode);
    }

    [Fact]
    public async Task Opened_to_any_network_metrics_are_answered_to_a_public_address()
    {
        var response = await Client(open, "203.0.113.7").GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Disabled_there_is_no_metrics_endpoint_even_for_loopback()
    {
        var response = await Client(disabled, "127.0.0.1").GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("intranet")]
    [InlineData(";")]
    public async Task A_network_list_that_does_not_parse_stops_start_up_and_names_the_setting(string networks)
    {
        var (exitCode, errors) = await StartupConfigurationTests.StartProductionAsync(ApiProcess.SigningKey, new Dictionary<string, string> { ["Newsroom__Metrics__AllowedNetworks"] = networks });

        Assert.Equal(3, exitCode);
        Assert.Contains("Newsroom:Metrics:AllowedNetworks", errors, StringComparison.Ordinal);
    }

    /// <summary>A client whose connection comes from <paramref name="peer"/> to <paramref name="localPort"/>, as Kestrel would set them.</summary>
    private static HttpClient Client(NewsroomApiFactory factory, string peer, int localPort = 8080) =>
        new(factory.Server.CreateHandler(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            context.Connection.LocalPort = localPort;
        }))
        { BaseAddress = new Uri("http://localhost") };
}
