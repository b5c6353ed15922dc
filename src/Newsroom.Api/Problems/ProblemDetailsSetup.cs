using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Newsroom.Api.Problems;

internal static class ProblemDetailsSetup
{
    /// <summary>Every problem, whoever wrote it (our handler, routing, authentication, rate limiting), gets our type, title, instance and traceId.</summary>
    public static IServiceCollection AddNewsroomProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<NewsroomExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var details = context.ProblemDetails;
            var status = details.Status ?? context.HttpContext.Response.StatusCode;
            details.Status = status;
            if (details.Type is null || !details.Type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal))
            {
                (details.Type, details.Title) = ProblemTypes.ForStatus(status);
            }

            details.Detail ??= DefaultDetail(status, context.HttpContext);
            details.Instance = context.HttpContext.Request.Path;
            details.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        return services;
    }

    private static string DefaultDetail(int status, HttpContext http) => status switch
    {
        StatusCodes.Status401Unauthorized => "Send a valid bearer token in the Authorization header (POST /api/v1/auth/token to get one).",
        StatusCodes.Status403Forbidden => "Your role does not allow this action.",
        StatusCodes.Status404NotFound => $"Nothing is served at {http.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
        _ => ProblemTypes.ForStatus(status).Title,
    };
}
