using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Newsroom.Api.OpenApi;

/// <summary>Whether the running API serves its OpenAPI document and Swagger UI (configuration section <c>Newsroom:OpenApi</c>).</summary>
public sealed class OpenApiOptions
{
    public const string SectionName = "Newsroom:OpenApi";

    /// <summary>
    /// Serve <c>/swagger/v1/swagger.json</c> and Swagger UI. Unset: only in Development. In production the committed
    /// openapi/newsroom.v1.json is the public contract; the live document would only help someone map the API.
    /// </summary>
    public bool? Expose { get; set; }

    public static bool IsExposed(IServiceProvider services, IHostEnvironment environment) =>
        services.GetRequiredService<IOptions<OpenApiOptions>>().Value.Expose ?? environment.IsDevelopment();
}

/// <summary>Endpoint metadata carrying an example request body for the OpenAPI document.</summary>
public sealed record RequestExample(object Value);

internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "Bearer";

    /// <summary>Swagger UI and the live document, when exposed (<see cref="OpenApiOptions"/>).</summary>
    public static IApplicationBuilder UseNewsroomOpenApi(this IApplicationBuilder app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Newsroom API v1");
            ui.DocumentTitle = "Newsroom API";
        });
        return app;
    }

    public static IServiceCollection AddNewsroomOpenApi(this IServiceCollection services)
    {
        services.AddOptions<OpenApiOptions>().BindConfiguration(OpenApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Newsroom API",
                Version = "v1",
                Description = "Headless news publishing: public, cacheable reads under /api/v1 and the editorial back office under /api/v1/admin. " +
                    "Errors are RFC 9457 problem+json with a stable `type` (urn:newsroom:problem:…).",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /api/v1/auth/token.",
            });
            options.OperationFilter<AuthorizationOperationFilter>();
            options.OperationFilter<RequestExampleOperationFilter>();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.CustomSchemaIds(SchemaId);
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    /// <summary>Short, stable schema names: the type's own name, generics spelled out ("CursorPageOfPublicArticleSummary").</summary>
    private static string SchemaId(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(SchemaId))
            : type.Name;

    /// <summary>Marks operations that need a token, so Swagger UI sends it and clients know.</summary>
    private sealed class AuthorizationOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        }
    }

    private sealed class RequestExampleOperationFilter(IOptions<JsonOptions> json) : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var example = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault();
            if (example is null || operation.RequestBody?.Content is not { } content)
            {
                return;
            }

            foreach (var media in content.Values.OfType<OpenApiMediaType>())
            {
                media.Example = JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), json.Value.SerializerOptions);
            }
        }
    }
}

internal static class RequestExampleExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example) => builder.WithMetadata(new RequestExample(example));
}
