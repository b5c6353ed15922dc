using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Auth;

/// <summary>A bearer token for the back office.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always "Bearer".</param>
/// <param name="ExpiresIn">Lifetime in seconds.</param>
/// <param name="MustChangePassword">
/// True after an admin's password reset: this token can only call <c>POST /auth/password</c> and <c>GET /auth/me</c>
/// until the password is changed.
/// </param>
public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn, bool MustChangePassword);

public interface ITokenIssuer
{
    AccessTokenResponse Issue(UserResponse user, string securityStamp);
}

/// <summary>
/// Exchanges an e-mail and password for a token. Its failure counts must persist when it fails, so it commits by
/// itself (the throttle writes in transactions of its own).
/// </summary>
public sealed record IssueToken(string Email, string Password) : ICommand<AccessTokenResponse>, ISelfCommittingCommand;

public sealed class IssueTokenValidator : AbstractValidator<IssueToken>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("must not be empty.").MaximumLength(254).WithMessage("must be at most 254 characters.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("must not be empty.").MaximumLength(PasswordRules.MaximumLength).WithMessage($"must be at most {PasswordRules.MaximumLength} characters.");
    }
}

public sealed class IssueTokenHandler(IUserAccounts accounts, ISignInThrottle throttle, IClientAddress client, ITokenIssuer tokens, NewsroomMetrics metrics)
    : ICommandHandler<IssueToken, AccessTokenResponse>
{
    /// <summary>One answer for an unknown e-mail, a wrong password or a disabled account: no account enumeration.</summary>
    public const string RefusalDetail = "The e-mail or password is wrong, or the account is disabled.";

    public async ValueTask<AccessTokenResponse> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        var keys = SignInKeys.For(email, client.Address);
        if (await throttle.AdmitAsync(keys, cancellationToken) is { } wait)
        {
            // Every refusal costs one password hash, this one included: no path is measurably cheaper than another.
            accounts.CheckAgainstDummyHash(command.Password);
            metrics.LoginRefused(LoginRefusal.Throttled);
            throw TooManyAttempts(wait);
        }

        var (result, user, stamp) = await accounts.CheckCredentialsAsync(email, command.Password, cancellationToken);
        if (result != CredentialCheck.Valid || user is null || stamp is null)
        {
            metrics.LoginRefused(LoginRefusal.Credentials);
            throw new UnauthorizedProblem(RefusalDetail);
        }

        await throttle.SucceededAsync(keys, cancellationToken);
        return tokens.Issue(user, stamp);
    }

    /// <summary>The same words whether the e-mail has an account or not.</summary>
    internal static TooManyAttemptsProblem TooManyAttempts(TimeSpan wait) =>
        new($"Too many failed sign-ins for this e-mail or from your address; retry in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.", wait);
}

/// <summary>The signed-in account.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record GetCurrentUser : IQuery<UserResponse>;

public sealed class GetCurrentUserHandler(IUserAccounts accounts, ICurrentUser currentUser) : IQueryHandler<GetCurrentUser, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetCurrentUser query, CancellationToken cancellationToken) =>
        await accounts.FindAsync(currentUser.RequireUserId(), cancellationToken) ?? throw new UnauthorizedProblem("The account no longer exists.");
}
