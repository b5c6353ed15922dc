using Mediator;
using Newsroom.Application.Auth;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Users;

/// <summary>Forgets every failed sign-in and wait of an account, from all addresses, so its owner can sign in at once.</summary>
[RequiresRole(Roles.Admin)]
public sealed record UnlockUser(Guid Id) : ICommand;

public sealed class UnlockUserHandler(IUserAccounts accounts, ISignInThrottle throttle) : ICommandHandler<UnlockUser>
{
    public async ValueTask<Unit> Handle(UnlockUser command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("user", command.Id);
        await throttle.ClearAccountAsync(SignInKeys.NormalizeAccount(user.Email), cancellationToken);
        return Unit.Value;
    }
}
