using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Newsroom.Api.Http;

/// <summary>Per-client limits (configuration section <c>Newsroom:RateLimits</c>), validated at start-up.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Newsroom:RateLimits";

    /// <summary>Sign-in attempts per client address per minute: slows password guessing beyond Identity's per-account lockout.</summary>
    [Range(1, int.MaxValue)]
    public int TokenRequestsPerMinute { get; set; } = 10;

    /// <summary>Anonymous searches and completions per client address per minute.</summary>
    [Range(1, int.MaxValue)]
    public int SearchRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Changes (POST, PUT, DELETE under /api/v1/admin) per signed-in account per minute: far above an editor
    /// autosaving every few seconds, low enough that one account cannot keep the server busy.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int WritesPerMinute { get; set; } = 120;
}

internal static class RateLimits
{
    public const string Token = "token";
    public const string Search = "search";
    public const string Writes = "writes";

    public static IServiceCollection AddNewsroomRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Token, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Search, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SearchRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Writes, context => WritesPartition(context, limits.WritesPerMinute));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = RejectionDetail(http, retryAfter) },
                });
            };
        });
        return services;
    }

    /// <summary>Reads are free; each change counts against the signed-in account (the token's subject), wherever it comes from.</summary>
    private static RateLimitPartition<string> WritesPartition(HttpContext context, int writesPerMinute)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("reads");
        }

        // Authorization runs first and refuses anonymous callers; the address only keys what slips through unsigned.
        var subject = context.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var key = subject is null ? "address:" + ClientAddress(context) : "account:" + subject;
        return RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = writesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static string RejectionDetail(HttpContext http, int retryAfter) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Writes
            ? $"Too many changes from your account; retry in {retryAfter} s."
            : $"Too many requests from your address; retry in {retryAfter} s.";

    /// <summary>The contract says what the writes policy does: every admin change may answer 429 (reads are never counted).</summary>
    public static TBuilder ProducesRateLimitOnWrites<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().Any(m => m.HttpMethods.Any(method => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))))
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
            }
        });
        return builder;
    }

    private static string ClientAddress(HttpContext context) => TrustedProxies.ClientAddress(context);
}
