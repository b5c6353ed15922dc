namespace Newsroom.Application.Users;

/// <summary>A newsroom account as admins see it. Never carries the password hash or security stamp.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="Email">Sign-in e-mail.</param>
/// <param name="DisplayName">Name shown in the back office.</param>
/// <param name="Role">Admin, Editor or Author.</param>
/// <param name="IsDisabled">A disabled account cannot sign in and its tokens stop working.</param>
/// <param name="CreatedAt">When the account was created (UTC).</param>
/// <param name="MustChangePassword">An admin reset the password: the account must choose a new one before doing anything else.</param>
public sealed record UserResponse(Guid Id, string Email, string DisplayName, string Role, bool IsDisabled, DateTimeOffset CreatedAt, bool MustChangePassword);
