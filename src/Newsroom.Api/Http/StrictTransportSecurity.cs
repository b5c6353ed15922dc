using System.Net;
using Newsroom.Application.Site;

namespace Newsroom.Api.Http;

/// <summary>
/// The Strict-Transport-Security header every response carries when the site's public base URL is https.
/// <para>
/// Sent on every response, not only on requests that reached the API over https as <c>UseHsts</c> does: the API
/// usually sits behind a proxy that ends TLS, so it sees plain http unless X-Forwarded-Proto is trusted, and the
/// header would silently never be sent. Sending it on a plain-http hop is harmless, as browsers ignore it over
/// http (RFC 6797 §8.1); what decides is the configured public address, which says the site is https-only.
/// Loopback hosts are left out, as <c>UseHsts</c> does, so a developer's browser is not pinned to https on localhost.
/// </para>
/// </summary>
public sealed record StrictTransportSecurity(string? HeaderValue)
{
    /// <summary>One year and every subdomain, without "preload" (that list is a decision for the site's owners).</summary>
    public const string Policy = "max-age=31536000; includeSubDomains";

    public static StrictTransportSecurity For(SiteOptions site) =>
        new(Uri.TryCreate(site.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && !IsLoopback(url) ? Policy : null);

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
