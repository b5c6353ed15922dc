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

    /// <summary>A new password for the signed-in account.</summary>
    /// <param name="CurrentPassword">The password in use now (the one-time password after an admin's reset).</param>
    /// <param name="NewPassword">12 to 200 characters, hard to guess (judged by zxcvbn, with the account's e-mail and name as known words).</param>
    public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken)
            .WithName("IssueToken").WithSummary("Exchanges an e-mail and password for a bearer token.")
            .WithDescription(
                "Unknown e-mail, wrong password and disabled account all get the same 401, after the same work. Failed attempts are " +
                "throttled per account and address, per address, and per account from addresses it has not signed in from lately: past " +
                "a few free failures each one doubles the wait (429 with Retry-After). Nothing locks an account; an admin can clear " +
                "its throttling (POST /admin/users/{id}/unlock). mustChangePassword: true means the token can only change the password.")
            .WithRequestExample(new TokenRequest("redaction@exemple.fr", "un mot de passe solide"))
            .RequireRateLimiting(RateLimits.Token)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/me", Me)
            .WithName("GetCurrentUser").WithSummary("The signed-in account.")
            .RequireAuthorization(Policies.Staff).AllowBeforePasswordChange()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/password", ChangePassword)
            .WithName("ChangePassword").WithSummary("Changes the signed-in account's password; its other tokens stop working.")
            .WithDescription(
                "Answers a fresh token for this session. A wrong current password is a 400 on currentPassword and counts as a failed " +
                "sign-in; a weak new password is a 400 on newPassword that says why.")
            .WithRequestExample(new ChangePasswordRequest("l'ancien mot de passe", "grignote la falaise en ardoise"))
            .RequireAuthorization(Policies.Staff).AllowBeforePasswordChange()
            .RequireRateLimiting(RateLimits.Token)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Ok<AccessTokenResponse>> IssueToken(TokenRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new IssueToken(body.Email ?? string.Empty, body.Password ?? string.Empty), ct));

    private static async Task<Ok<AccessTokenResponse>> ChangePassword(ChangePasswordRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangePassword(body.CurrentPassword ?? string.Empty, body.NewPassword ?? string.Empty), ct));

    private static async Task<Ok<UserResponse>> Me(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCurrentUser(), ct));
}
