using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Newsroom.Api.Http;

/// <summary>
/// The proxies (load balancers, ingress, CDN) whose X-Forwarded-For and X-Forwarded-Proto the API believes
/// (configuration section <c>Newsroom:ForwardedHeaders</c>). Nobody is trusted unless listed here, loopback included.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Newsroom:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies (<c>10.0.0.5</c>, <c>fd00::5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, in CIDR (<c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// How many X-Forwarded-For entries may be read, right to left. Trust is not decided by this number: reading stops
    /// at the first address that is not a trusted proxy. It must be at least the number of trusted proxies a request
    /// crosses (CDN, load balancer, ingress), or the client's address would be one of the proxies' again.
    /// </summary>
    public int ForwardLimit { get; set; } = 3;

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

internal sealed class TrustedProxyOptionsValidation(IConfiguration configuration) : IValidateOptions<TrustedProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxyOptions options)
    {
        var failures = new List<string>();
        failures.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p =>
            $"{TrustedProxyOptions.SectionName}:KnownProxies has '{p}', which is not an IP address (host names are not resolved)."));
        failures.AddRange(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n =>
            $"{TrustedProxyOptions.SectionName}:KnownNetworks has '{n}', which is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        if (options.ForwardLimit is < 1 or > 20)
        {
            failures.Add($"{TrustedProxyOptions.SectionName}:ForwardLimit must be between 1 and 20.");
        }

        // ASP.NET's own switch adds forwarded headers with no known proxy, which believes any client's X-Forwarded-For.
        if (!options.TrustsAnyProxy && configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            failures.Add($"ASPNETCORE_FORWARDEDHEADERS_ENABLED would believe the X-Forwarded-For of any client: remove it and list the proxies in " +
                $"{TrustedProxyOptions.SectionName}:KnownProxies or :KnownNetworks instead.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// Behind a proxy every connection comes from the proxy: without this, all readers would share one rate-limit bucket.
/// The forwarded headers middleware replaces the connection's remote address (and scheme) with the forwarded ones,
/// only when the connection comes from a configured proxy, so everything downstream that reads
/// <see cref="ConnectionInfo.RemoteIpAddress"/> sees the real client.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddNewsroomTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidation>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;
            // ASP.NET trusts loopback by default; here only what is configured counts. A proxy on the same machine is
            // listed like any other (127.0.0.1), so that no local process can forge a reader's address by default.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when some proxy is trusted: with no known proxy the middleware would believe everyone.</summary>
    public static IApplicationBuilder UseNewsroomTrustedProxies(this IApplicationBuilder app)
    {
        var trusted = app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value;
        return trusted.TrustsAnyProxy ? app.UseForwardedHeaders() : app;
    }

    /// <summary>
    /// The client's address as rate limits and throttles should key on it: the forwarded one behind a trusted proxy
    /// (set by the middleware), IPv4-mapped IPv6 written as IPv4 so a client has one key whichever way it arrived.
    /// </summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var address => address.ToString(),
    };
}
