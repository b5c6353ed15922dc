using System.Net;
using Newsroom.Application.Common.Abstractions;

namespace Newsroom.Api.Auth;

/// <summary>The connection's remote address, which the forwarded-headers middleware has already made the real client's behind trusted proxies.</summary>
internal sealed class HttpClientAddress(IHttpContextAccessor accessor) : IClientAddress
{
    public IPAddress? Address => accessor.HttpContext?.Connection.RemoteIpAddress;
}
