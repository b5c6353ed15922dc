using System.Security.Cryptography;
using Mediator;
using Newsroom.Application.Auth;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Users;

/// <summary>The one-time password, shown once: the server keeps only its hash.</summary>
/// <param name="OneTimePassword">Give it to the user through a safe channel; it only lets them choose a new password.</param>
/// <param name="User">The account, now with <c>mustChangePassword: true</c>.</param>
public sealed record PasswordResetResponse(string OneTimePassword, UserResponse User);

/// <summary>
/// An admin resets an account's password without knowing it: a strong one-time password replaces it, every token of
/// the account stops working, the account's throttling is forgotten, and the next sign-in can only change the password.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ResetUserPassword(Guid Id) : ICommand<PasswordResetResponse>;

public sealed class ResetUserPasswordHandler(IUserAccounts accounts, ISignInThrottle throttle) : ICommandHandler<ResetUserPassword, PasswordResetResponse>
{
    /// <summary>No look-alikes (0/o, 1/l/i), so it can be read out or copied by hand: 31 symbols × 20 ≈ 99 bits.</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public async ValueTask<PasswordResetResponse> Handle(ResetUserPassword command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("user", command.Id);
        var oneTimePassword = Generate(user);
        var reset = await accounts.SetOneTimePasswordAsync(user.Id, oneTimePassword, cancellationToken);
        await throttle.ClearAccountAsync(SignInKeys.NormalizeAccount(user.Email), cancellationToken);
        return new PasswordResetResponse(oneTimePassword, reset);
    }

    /// <summary>Four groups of five random symbols; drawn again in the (astronomically unlikely) case the rules find a pattern in it.</summary>
    internal static string Generate(UserResponse user)
    {
        while (true)
        {
            var symbols = RandomNumberGenerator.GetString(Alphabet, 20);
            var password = string.Join('-', symbols.Chunk(5).Select(chunk => new string(chunk)));
            if (PasswordRules.IsAcceptable(password, user.Email, user.DisplayName))
            {
                return password;
            }
        }
    }
}
