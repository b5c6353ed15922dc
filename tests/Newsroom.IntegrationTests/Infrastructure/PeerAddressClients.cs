using System.Net;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// The TestServer has no TCP connection, so it leaves the peer's address empty. These clients set it the way Kestrel
/// would, on the connection before the application sees the request: nothing in the product reads a test header.
/// </summary>
public static class PeerAddressClients
{
    /// <summary>A client whose requests arrive from <paramref name="peer"/> (the connection's remote address).</summary>
    public static HttpClient CreateClientFrom(this NewsroomApiFactory api, IPAddress peer) =>
        new(api.Server.CreateHandler(context => context.Connection.RemoteIpAddress = peer)) { BaseAddress = new Uri("http://localhost") };
}
