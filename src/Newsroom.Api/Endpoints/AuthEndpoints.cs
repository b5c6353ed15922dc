using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Auth;
using Newsroom.Api.Http;
using Newsroom.Api.OpenApi;
using Newsroom.Application.Auth;
using Newsroom.Application.Users;

namespace Newsroom.Api.Endpoints;

public static class AuthEndpoints
{
    /// <summary>Credentials of a newsroom account.</summary>
    /// <param name="Email">The account's e-mail.</param>
    /// <param name="Password">The account's password.</param>
    public sealed record TokenRequest(string Email, string Password);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken)
            .WithName("IssueToken").WithSummary("Exchanges an e-mail and password for a bearer token.")
            .WithDescription("Five wrong passwords in a row lock the account for 15 minutes. Unknown e-mail, wrong password, locked or disabled account all get the same 401.")
            .WithRequestExample(new TokenRequest("redaction@exemple.fr", "un mot de passe solide"))
            .RequireRateLimiting(RateLimits.Token)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", Me)
            .WithName("GetCurrentUser").WithSummary("The signed-in account.")
            .RequireAuthorization(Policies.Staff)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<Ok<AccessTokenResponse>> IssueToken(TokenRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new IssueToken(body.Email ?? string.Empty, body.Password ?? string.Empty), ct));

    private static async Task<Ok<UserResponse>> Me(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCurrentUser(), ct));
}
