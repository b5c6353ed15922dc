using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Auth;
using Newsroom.Api.OpenApi;
using Newsroom.Application.Users;

namespace Newsroom.Api.Endpoints;

/// <summary>Admins manage accounts and roles.</summary>
public static class AdminUsersEndpoints
{
    /// <summary>A new account.</summary>
    /// <param name="Email">Sign-in e-mail, unique.</param>
    /// <param name="DisplayName">Name shown in the back office.</param>
    /// <param name="Role">Admin, Editor or Author.</param>
    /// <param name="Password">12 to 200 characters, hard to guess (judged by zxcvbn, with the e-mail and name as known words).</param>
    public sealed record CreateUserBody(string Email, string DisplayName, string Role, string Password);

    /// <summary>A new role for an account.</summary>
    /// <param name="Role">Admin, Editor or Author.</param>
    public sealed record ChangeRoleBody(string Role);

    public static IEndpointRouteBuilder MapAdminUsersEndpoints(this IEndpointRouteBuilder admin)
    {
        var users = admin.MapGroup("/users").WithTags("Admin: users").RequireAuthorization(Policies.Admin);
        users.MapPost("/", Create)
            .WithName("CreateUser").WithSummary("Creates an account with a role.")
            .WithRequestExample(new CreateUserBody("claire.dubois@exemple.fr", "Claire Dubois", "Author", "grignote la falaise en ardoise"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("All accounts, by e-mail.");
        users.MapGet("/{id:guid}", Get).WithName("GetUser").WithSummary("One account.").ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPut("/{id:guid}/role", ChangeRole)
            .WithName("ChangeUserRole").WithSummary("Gives an account another role; its existing tokens stop working.")
            .WithRequestExample(new ChangeRoleBody("Editor"))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{id:guid}/disable", Disable)
            .WithName("DisableUser").WithSummary("Disables an account: no sign-in, and its tokens stop working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{id:guid}/enable", Enable)
            .WithName("EnableUser").WithSummary("Re-enables a disabled account.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{id:guid}/unlock", Unlock)
            .WithName("UnlockUser").WithSummary("Forgets an account's failed sign-ins and waits, from every address.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{id:guid}/password-reset", ResetPassword)
            .WithName("ResetUserPassword").WithSummary("Replaces an account's password with a one-time password, shown once in the answer.")
            .WithDescription(
                "The account's tokens stop working and its throttling is cleared. Signing in with the one-time password gives a token " +
                "(mustChangePassword: true) that can only call POST /auth/password and GET /auth/me.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Created<UserResponse>> Create(CreateUserBody body, ISender sender, CancellationToken ct)
    {
        var user = await sender.Send(new CreateUser(body.Email ?? string.Empty, body.DisplayName ?? string.Empty, body.Role ?? string.Empty, body.Password ?? string.Empty), ct);
        return TypedResults.Created($"/api/v1/admin/users/{user.Id}", user);
    }

    private static async Task<Ok<IReadOnlyList<UserResponse>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListUsers(), ct));

    private static async Task<Ok<UserResponse>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetUser(id), ct));

    private static async Task<Ok<UserResponse>> ChangeRole(Guid id, ChangeRoleBody body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeUserRole(id, body.Role ?? string.Empty), ct));

    private static async Task<Ok<UserResponse>> Disable(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DisableUser(id), ct));

    private static async Task<NoContent> Unlock(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new UnlockUser(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PasswordResetResponse>> ResetPassword(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ResetUserPassword(id), ct));

    private static async Task<Ok<UserResponse>> Enable(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EnableUser(id), ct));
}
