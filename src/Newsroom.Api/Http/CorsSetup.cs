using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Newsroom.Api.Http;

/// <summary>Front-ends on other origins (configuration section <c>Newsroom:Cors</c>).</summary>
public sealed class CorsOriginsOptions
{
    public const string SectionName = "Newsroom:Cors";

    /// <summary>Origins allowed besides any localhost in Development, e.g. https://www.exemple-mobile.fr.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}

internal static class CorsSetup
{
    /// <summary>Front-ends on other origins: those listed in <c>Newsroom:Cors:AllowedOrigins</c>, plus any localhost in Development.</summary>
    public static IServiceCollection AddNewsroomCors(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<CorsOriginsOptions>().BindConfiguration(CorsOriginsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsOriginsOptions>>((options, origins) =>
        {
            var allowed = origins.Value.AllowedOrigins;
            options.AddDefaultPolicy(policy => policy
                .SetIsOriginAllowed(origin => allowed.Contains(origin, StringComparer.OrdinalIgnoreCase) || (environment.IsDevelopment() && IsLocalhost(origin)))
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("ETag", "Location", "Retry-After"));
        });
        return services;
    }

    private static bool IsLocalhost(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
}
