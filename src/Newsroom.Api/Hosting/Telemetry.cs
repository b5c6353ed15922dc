using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using IPNetwork = System.Net.IPNetwork;

namespace Newsroom.Api.Hosting;

/// <summary>The Prometheus scraping endpoint (configuration section <c>Newsroom:Metrics</c>), validated at start-up.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Newsroom:Metrics";

    /// <summary>Loopback and the private networks (RFC 1918, RFC 4193): where a Prometheus of one's own scrapes from.</summary>
    public const string PrivateNetworks = "127.0.0.0/8;::1/128;10.0.0.0/8;172.16.0.0/12;192.168.0.0/16;fc00::/7";

    /// <summary>Serves <c>/metrics</c> in the Prometheus text format.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The clients <c>/metrics</c> answers, as CIDR networks separated by semicolons, or <c>*</c> for any client. The
    /// client's address is the one the rate limits see: the connection's, or the forwarded one behind a trusted proxy.
    /// </summary>
    [Required]
    public string AllowedNetworks { get; set; } = PrivateNetworks;

    /// <summary>When set, <c>/metrics</c> answers only on connections to this local port (add it to the listening addresses).</summary>
    [Range(1, 65_535)]
    public int? Port { get; set; }
}

/// <summary>
/// OpenTelemetry: metrics (ours, ASP.NET Core's, HttpClient's, Npgsql's and the runtime's) served at <c>/metrics</c>
/// for Prometheus; with the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces (ASP.NET Core, HttpClient,
/// Npgsql), metrics and logs are also exported there by OTLP. Without that variable nothing is traced beyond the
/// trace ids the logs already carry: spans nobody collects would only cost memory.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Npgsql's meter and activity source.</summary>
    private const string Npgsql = "Npgsql";

    /// <summary>
    /// ASP.NET Core's request durations, connections, rate-limit decisions and handled exceptions. Not its routing,
    /// authentication or memory-pool meters, which measure every request's inner steps (every buffer rented, even):
    /// listened to, they cost cached reads a measurable share of their throughput for little an operator reads.
    /// </summary>
    private static readonly string[] AspNetCoreMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Diagnostics"];

    private static readonly string[] NpgsqlTags = ["db.client.connection.state", "db.system.name"];

    public static WebApplicationBuilder AddNewsroomTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => MetricsAccess.TryParse(o.AllowedNetworks, out _),
                $"{MetricsOptions.SectionName}:AllowedNetworks must be '*' or networks in CIDR notation separated by semicolons (e.g. 10.0.0.0/8;fd00::/8).")
            .ValidateOnStart();
        var scraped = builder.Configuration.GetSection(MetricsOptions.SectionName).GetValue(nameof(MetricsOptions.Enabled), true);
        var exported = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        if (!scraped && !exported)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "newsroom-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(NewsroomMetrics.MeterName, Npgsql, "System.Runtime")
                    .AddMeter(AspNetCoreMeters)
                    .AddHttpClientInstrumentation()
                    // Npgsql names each pool by its whole connection string (host, user, database, settings): kept as
                    // a tag it would publish them to every scraper, in a label of 300 characters. Its pools are summed.
                    .AddView(instrument => instrument.Meter.Name == Npgsql ? new MetricStreamConfiguration { TagKeys = NpgsqlTags } : null);
                if (scraped)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (exported)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsProbeOrScrape(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(Npgsql));
            // Reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) for every signal.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c>, when enabled: never cached (not a public read), outside the OpenAPI document, outside the rate
    /// limits and the HTTP metrics it reports; answered only to <see cref="MetricsOptions.AllowedNetworks"/> on
    /// <see cref="MetricsOptions.Port"/>, and a 404 like any unknown path to everyone else.
    /// </summary>
    public static WebApplication MapNewsroomMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        var access = MetricsAccess.Of(options);
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: scrape => scrape.Use(async (context, next) =>
            {
                if (!access.Allows(context.Connection))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(context);
            }), optionsName: null)
            .DisableHttpMetrics()
            .ExcludeFromDescription();
        return app;
    }

    private static bool IsProbeOrScrape(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}

/// <summary>Who may read <c>/metrics</c>: clients in <paramref name="networks"/> (null: any client), on <paramref name="port"/> (null: any port).</summary>
internal sealed class MetricsAccess(IReadOnlyList<IPNetwork>? networks, int? port)
{
    public bool Allows(ConnectionInfo connection) =>
        (port is null || connection.LocalPort == port)
        && (networks is null || (connection.RemoteIpAddress is { } client && networks.Any(network => network.Contains(Unmapped(client)))));

    /// <summary>Options validated at start-up (<see cref="Telemetry.AddNewsroomTelemetry"/>) always parse.</summary>
    public static MetricsAccess Of(MetricsOptions options) =>
        TryParse(options.AllowedNetworks, out var networks)
            ? new MetricsAccess(networks, options.Port)
            : throw new InvalidOperationException($"{MetricsOptions.SectionName}:AllowedNetworks was not validated.");

    /// <summary>"*" is any client (<paramref name="networks"/> null); else every entry must be a CIDR network.</summary>
    public static bool TryParse(string? allowed, out IReadOnlyList<IPNetwork>? networks)
    {
        networks = null;
        var entries = (allowed ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries is ["*"])
        {
            return true;
        }

        var parsed = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (!IPNetwork.TryParse(entry, out var network))
            {
                return false;
            }

            parsed.Add(network);
        }

        networks = parsed;
        return parsed.Count > 0;
    }

    /// <summary>An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d; the IPv4 networks must still match it.</summary>
    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
