using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Api.Problems;

namespace Newsroom.Api.Auth;

/// <summary>
/// A token issued for a one-time password (after an admin's reset) opens only the endpoints marked
/// <see cref="AllowedBeforePasswordChange"/>: changing the password and reading one's own account. Every policy
/// carries this requirement, so no authenticated endpoint can forget it.
/// </summary>
internal sealed class PasswordChangedRequirement : AuthorizationHandler<PasswordChangedRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PasswordChangedRequirement requirement)
    {
        var pending = context.User.HasClaim(JwtTokenIssuer.PasswordChangeClaim, "true");
        var endpoint = (context.Resource as HttpContext)?.GetEndpoint() ?? context.Resource as Endpoint;
        if (!pending || endpoint?.Metadata.GetMetadata<AllowedBeforePasswordChange>() is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Marks the endpoints a must-change-password token may call.</summary>
internal sealed class AllowedBeforePasswordChange
{
    public static readonly AllowedBeforePasswordChange Instance = new();
}

internal static class PasswordChangeGate
{
    public const string Detail = "Your password was reset by an admin: choose a new one with POST /api/v1/auth/password before doing anything else.";

    public static TBuilder AllowBeforePasswordChange<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AllowedBeforePasswordChange.Instance);
}

/// <summary>Says why a must-change-password token was refused, with its own problem type, instead of the generic 403.</summary>
internal sealed class PasswordChangeResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PasswordChangedRequirement>().Any() == true)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Type = ProblemTypes.PasswordChangeRequired.Type,
                    Title = ProblemTypes.PasswordChangeRequired.Title,
                    Detail = PasswordChangeGate.Detail,
                },
            });
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
