using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Users;

namespace Newsroom.Application.Auth;

/// <summary>A bearer token for the back office.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer …</c>.</param>
/// <param name="TokenType">Always "Bearer".</param>
/// <param name="ExpiresIn">Lifetime in seconds.</param>
public sealed record AccessTokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public interface ITokenIssuer
{
    AccessTokenResponse Issue(UserResponse user, string securityStamp);
}

/// <summary>
/// Exchanges an e-mail and password for a token. It counts failures towards lockout, and those counts must
/// persist when the command fails, hence it commits by itself.
/// </summary>
public sealed record IssueToken(string Email, string Password) : ICommand<AccessTokenResponse>, ISelfCommittingCommand;

public sealed class IssueTokenValidator : AbstractValidator<IssueToken>
{
    public IssueTokenValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("must not be empty.").MaximumLength(254).WithMessage("must be at most 254 characters.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("must not be empty.").MaximumLength(200).WithMessage("must be at most 200 characters.");
    }
}

public sealed class IssueTokenHandler(IUserAccounts accounts, ITokenIssuer tokens) : ICommandHandler<IssueToken, AccessTokenResponse>
{
    /// <summary>One answer for an unknown e-mail, a wrong password, a disabled or a locked account: no account enumeration.</summary>
    public const string RefusalDetail = "The e-mail or password is wrong, or the account is disabled or temporarily locked.";

    public async ValueTask<AccessTokenResponse> Handle(IssueToken command, CancellationToken cancellationToken)
    {
        var (result, user, stamp) = await accounts.CheckCredentialsAsync(command.Email.Trim(), command.Password, cancellationToken);
        if (result != CredentialCheck.Valid || user is null || stamp is null)
        {
            throw new UnauthorizedProblem(RefusalDetail);
        }

        return tokens.Issue(user, stamp);
    }
}

/// <summary>The signed-in account.</summary>
public sealed record GetCurrentUser : IQuery<UserResponse>;

public sealed class GetCurrentUserHandler(IUserAccounts accounts, ICurrentUser currentUser) : IQueryHandler<GetCurrentUser, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetCurrentUser query, CancellationToken cancellationToken) =>
        await accounts.FindAsync(currentUser.RequireUserId(), cancellationToken) ?? throw new UnauthorizedProblem("The account no longer exists.");
}
