using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Newsroom.Application.Site;

namespace Newsroom.Api.Http;

/// <summary>The Host names the API answers for, resolved once at start-up.</summary>
public sealed record AllowedHosts(IReadOnlyList<string> Patterns)
{
    /// <summary>Any host: Development, tests, and wherever AllowedHosts says "*" outside Production.</summary>
    public bool AnyHost => Patterns.Contains("*");

    /// <summary>
    /// An explicit <c>AllowedHosts</c> (semicolon-separated, "*.example.com" allowed) always wins: an API served on a
    /// host of its own names it there. Unset or "*" in Production means the public base URL's host only, so a forged
    /// Host header reaches nothing (nor any cache keyed on it).
    /// </summary>
    public static AllowedHosts Resolve(IConfiguration configuration, IHostEnvironment environment, SiteOptions site)
    {
        var configured = (configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var isExplicit = configured.Length > 0 && !configured.Contains("*");
        if (isExplicit || !environment.IsProduction())
        {
            return new AllowedHosts(configured.Length > 0 ? configured : ["*"]);
        }

        return new AllowedHosts([new Uri(site.PublicBaseUrl).IdnHost]);
    }
}

/// <summary>
/// Refuses requests whose Host the API does not answer for, with a 400 problem. It replaces ASP.NET's own host
/// filtering (which reads the same <c>AllowedHosts</c> setting) because that one runs before anything else and
/// cannot spare the health probes: orchestrators and load balancers probe the container by its IP address
/// (<c>Host: 10.0.3.7:8080</c>), which no host list can name in advance, and /health/* tells nothing worth hiding.
/// Prometheus scrapes /metrics by address alike; /metrics has its own guard (<c>Newsroom:Metrics</c>: networks, port).
/// </summary>
internal static class HostFiltering
{
    public static IServiceCollection AddNewsroomHostFiltering(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(sp => AllowedHosts.Resolve(configuration, environment, sp.GetRequiredService<IOptions<SiteOptions>>().Value));
        // ASP.NET's filter would otherwise apply AllowedHosts before the health probes could be spared.
        services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = ["*"]);
        return services;
    }

    public static IApplicationBuilder UseNewsroomHostFiltering(this IApplicationBuilder app)
    {
        var allowed = app.ApplicationServices.GetRequiredService<AllowedHosts>();
        if (allowed.AnyHost)
        {
            return app;
        }

        var patterns = allowed.Patterns.Select(p => new StringSegment(p)).ToList();
        return app.Use(async (context, next) =>
        {
            var host = context.Request.Host;
            // HTTP/1.0 requests may have no Host at all (ASP.NET's filter lets them through too): nothing is built from it.
            if (!host.HasValue || HostString.MatchesAny(host.Host, patterns) || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments(Hosting.Telemetry.MetricsPath))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status400BadRequest, Detail = "This API does not answer for the host name in the Host header." },
            });
        });
    }
}
