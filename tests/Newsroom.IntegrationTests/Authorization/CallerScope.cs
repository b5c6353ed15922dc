using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.IntegrationTests.Authorization;

/// <summary>
/// Sends requests through the app's real mediator from a DI scope of the real app, as a caller of our choosing: a
/// signed-in role, an anonymous HTTP caller, or nobody at all (the newsroom's own work, as in a hosted service).
/// </summary>
internal static class CallerScope
{
    public static async Task<TResponse> SendAsync<TResponse>(this NewsroomApiFactory api, Caller caller, IMessage request)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = caller.ToHttpContext(scope.ServiceProvider);
        try
        {
            return (TResponse)(await scope.ServiceProvider.GetRequiredService<ISender>().Send(request))!;
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}

internal sealed record Caller(bool OverHttp, Guid? UserId, string? Role)
{
    public static Caller Anonymous { get; } = new(true, null, null);

    /// <summary>No HTTP request at all: what a hosted service or an import runs as.</summary>
    public static Caller TheNewsroomItself { get; } = new(false, null, null);

    public static Caller WithRole(string role, Guid? userId = null) => new(true, userId ?? Guid.NewGuid(), role);

    public HttpContext? ToHttpContext(IServiceProvider services)
    {
        if (!OverHttp)
        {
            return null;
        }

        var identity = UserId is { } id
            ? new ClaimsIdentity([new Claim("sub", id.ToString()), new Claim("role", Role!)], "Bearer", "sub", "role")
            : new ClaimsIdentity();
        return new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = services };
    }
}
