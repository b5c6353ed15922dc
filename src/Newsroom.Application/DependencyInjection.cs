using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.Application;

public static class DependencyInjection
{
    /// <summary>Validators of this assembly. The mediator itself is generated and registered by the API, which hosts the source generator.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        ValidatorOptions.Global.DefaultClassLevelCascadeMode = CascadeMode.Continue;
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<Articles.ArticleAccess>();
        services.AddScoped<Articles.ArticleWriting>();
        services.AddScoped<Articles.Rendering.ArticleBodyRendering>();
        services.AddSingleton<Articles.Rendering.RenderingSlots>();
        services.AddSingleton<Common.Telemetry.NewsroomMetrics>();
        return services;
    }
}
