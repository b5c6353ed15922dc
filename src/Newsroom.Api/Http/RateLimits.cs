using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Newsroom.Api.Http;

/// <summary>Per-client limits (configuration section <c>Newsroom:RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Newsroom:RateLimits";

    /// <summary>Sign-in attempts per client address per minute: slows password guessing beyond Identity's per-account lockout.</summary>
    public int TokenRequestsPerMinute { get; set; } = 10;

    /// <summary>Anonymous searches and completions per client address per minute.</summary>
    public int SearchRequestsPerMinute { get; set; } = 120;
}

internal static class RateLimits
{
    public const string Token = "token";
    public const string Search = "search";

    public static IServiceCollection AddNewsroomRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Token, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(Search, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SearchRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = $"Too many requests from your address; retry in {retryAfter} s." },
                });
            };
        });
        return services;
    }

    private static string ClientAddress(HttpContext context) => TrustedProxies.ClientAddress(context);
}
