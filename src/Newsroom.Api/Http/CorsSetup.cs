namespace Newsroom.Api.Http;

internal static class CorsSetup
{
    /// <summary>Front-ends on other origins: those listed in <c>Newsroom:Cors:AllowedOrigins</c>, plus any localhost in Development.</summary>
    public static IServiceCollection AddNewsroomCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var allowed = configuration.GetSection("Newsroom:Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => allowed.Contains(origin, StringComparer.OrdinalIgnoreCase) || (environment.IsDevelopment() && IsLocalhost(origin)))
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders("ETag", "Location", "Retry-After")));
        return services;
    }

    private static bool IsLocalhost(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
}
