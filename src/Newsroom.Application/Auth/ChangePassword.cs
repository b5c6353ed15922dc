using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Auth;

/// <summary>
/// The signed-in user changes their own password. Their other tokens stop working; the answer is a fresh token for
/// this session. A wrong current password counts as a failed sign-in (a stolen token must not become a way to
/// guess the password), and it commits by itself so that the count survives the refusal.
/// </summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record ChangePassword(string CurrentPassword, string NewPassword) : ICommand<AccessTokenResponse>, ISelfCommittingCommand;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("must not be empty.")
            .MaximumLength(PasswordRules.MaximumLength).WithMessage($"must be at most {PasswordRules.MaximumLength} characters.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("must not be empty.")
            .NotEqual(c => c.CurrentPassword, StringComparer.Ordinal).WithMessage("must differ from the current password.");
    }
}

public sealed class ChangePasswordHandler(
    IUserAccounts accounts, ICurrentUser currentUser, ISignInThrottle throttle, IClientAddress client, ITokenIssuer tokens)
    : ICommandHandler<ChangePassword, AccessTokenResponse>
{
    public const string WrongCurrentPassword = "is not your current password.";

    public async ValueTask<AccessTokenResponse> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(currentUser.RequireUserId(), cancellationToken) ?? throw new UnauthorizedProblem("The account no longer exists.");
        // The account's own e-mail and name are the first words a guesser tries.
        var refusals = PasswordRules.Refusals(command.NewPassword, user.Email, user.DisplayName);
        if (refusals.Count > 0)
        {
            throw new ValidationFailedProblem(new Dictionary<string, string[]> { ["newPassword"] = [.. refusals] });
        }

        var keys = SignInKeys.For(user.Email, client.Address);
        if (await throttle.AdmitAsync(keys, cancellationToken) is { } wait)
        {
            throw IssueTokenHandler.TooManyAttempts(wait);
        }

        var changed = await accounts.ChangePasswordAsync(user.Id, command.CurrentPassword, command.NewPassword, cancellationToken)
            ?? throw ValidationFailedProblem.ForField("currentPassword", WrongCurrentPassword);
        await throttle.SucceededAsync(keys, cancellationToken);
        return tokens.Issue(changed.User, changed.SecurityStamp);
    }
}
