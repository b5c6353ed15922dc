using System.Net;

namespace Newsroom.Application.Common.Abstractions;

/// <summary>
/// The address of the client that sent the request: the real client's when the API sits behind trusted proxies
/// (the host resolves forwarded headers before anything reads it), null when the transport has none.
/// </summary>
public interface IClientAddress
{
    IPAddress? Address { get; }
}
