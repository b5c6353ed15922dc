using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Newsroom.Api.Auth;
using Newsroom.Api.Endpoints;
using Newsroom.Api.Http;
using Newsroom.Api.OpenApi;
using Newsroom.Api.Problems;
using Newsroom.Application;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Behaviors;
using Newsroom.Application.Site;
using Newsroom.Infrastructure;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.Api.Hosting;

/// <summary>The API's composition: services in <see cref="AddNewsroomApi"/>, the request pipeline in <see cref="UseNewsroomApi"/>.</summary>
internal static class NewsroomApi
{
    public static WebApplicationBuilder AddNewsroomApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = HttpHardening.MaxRequestBodyBytes;
            // "Server: Kestrel" only tells an attacker which exploits to try.
            kestrel.AddServerHeader = false;
        });
        builder.Logging.AddNewsroomConsoleLogs(builder.Environment);
        builder.AddNewsroomTelemetry();

        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SiteOptions>>().Value);
        services.AddSingleton(sp => StrictTransportSecurity.For(sp.GetRequiredService<SiteOptions>()));
        services.AddSingleton<IArticleBodyRenderer>(sp => new ArticleBodyRenderer(new Uri(sp.GetRequiredService<SiteOptions>().PublicBaseUrl).Host));
        services.AddOptions<RenderingOptions>().BindConfiguration(RenderingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RenderingOptions>>().Value);

        services.AddApplication();
        services.AddInfrastructure(configuration, builder.Environment);
        services.AddSingleton<IEmbeddedPostgres, EmbeddedLocalPostgres>();
        GracefulShutdown.AddTo(services);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Application.DependencyInjection)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(RenderingBehavior<,>), typeof(TransactionBehavior<,>)];
        });

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Converters.Add(new UtcInstantJsonConverter());
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddNewsroomProblemDetails();
        services.AddNewsroomAuth();
        services.AddNewsroomTrustedProxies();
        services.AddNewsroomHostFiltering(configuration, builder.Environment);
        services.AddNewsroomRateLimits();
        services.AddNewsroomCors(builder.Environment);
        services.AddNewsroomOpenApi();
        services.AddNewsroomCaching();
        return builder;
    }

    public static WebApplication UseNewsroomApi(this WebApplication app)
    {
        app.Use(app.Services.GetRequiredService<GracefulShutdown>().CountAsync);
        // Where minimal hosting would put it anyway, but said: the caching and hardening middlewares below ask the
        // selected endpoint whether it is a public read (PublicCaching.IsPublicRead).
        app.UseRouting();
        // Before anything that reads the client (rate limits, sign-in throttling, logs): they must see the real one.
        app.UseNewsroomTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNewsroomHardening();
        app.UseNewsroomHostFiltering();
        app.UseCors();
        var openApiExposed = OpenApiOptions.IsExposed(app.Services, app.Environment);
        if (openApiExposed)
        {
            app.UseNewsroomOpenApi();
        }

        app.UseConditionalPublicReads();
        app.UseStaleReadsDuringOutages();
        app.UseReadersRouting();
        app.UseOutputCache();
        app.UsePublicValidators();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.Use(GracefulShutdown.ReadBodyWholeAsync);

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
        app.MapNewsroomMetrics();

        var api = app.MapGroup("/api/v1");
        api.MapSiteEndpoints();
        api.MapAuthEndpoints();
        api.MapArticlesEndpoints();
        api.MapSearchEndpoints();
        api.MapAuthorsEndpoints();
        api.MapTagsEndpoints();
        api.MapFeedsEndpoints();
        app.MapSitemapsEndpoints();

        // Every change under /admin counts against the signed-in account; reads pass free (RateLimits.Writes).
        var admin = api.MapGroup("/admin").RequireRateLimiting(RateLimits.Writes).ProducesRateLimitOnWrites();
        admin.MapAdminSectionsEndpoints();
        admin.MapAdminUsersEndpoints();
        admin.MapAdminArticlesEndpoints();
        admin.MapAdminAuthorsEndpoints();
        admin.MapAdminTagsEndpoints();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app, openApiExposed));
        app.Lifetime.ApplicationStarted.Register(() => MemorySettings.Announce(app.Logger));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app, bool openApiExposed)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var browsable = address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            Console.WriteLine(openApiExposed ? $"Newsroom API listening on {browsable}  ·  Swagger UI: {browsable}/swagger" : $"Newsroom API listening on {browsable}");
        }
    }
}
