using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Users;

/// <summary>Gives an account another role. The newsroom always keeps at least one active admin.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ChangeUserRole(Guid Id, string Role) : ICommand<UserResponse>;

public sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRole>
{
    public ChangeUserRoleValidator() =>
        RuleFor(c => c.Role).Must(r => Roles.Normalize(r) is not null).WithMessage($"must be one of {string.Join(", ", Roles.All)}.");
}

public sealed class ChangeUserRoleHandler(IUserAccounts accounts) : ICommandHandler<ChangeUserRole, UserResponse>
{
    public async ValueTask<UserResponse> Handle(ChangeUserRole command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("user", command.Id);
        var role = Roles.Normalize(command.Role)!;
        if (user.Role == Roles.Admin && role != Roles.Admin && !user.IsDisabled && await accounts.CountActiveAdminsAsync(cancellationToken) <= 1)
        {
            throw new ConflictProblem("This is the last active admin; make another admin first.");
        }

        return await accounts.ChangeRoleAsync(command.Id, role, cancellationToken);
    }
}

/// <summary>Disables an account: it can no longer sign in and its tokens stop working at once.</summary>
[RequiresRole(Roles.Admin)]
public sealed record DisableUser(Guid Id) : ICommand<UserResponse>;

public sealed class DisableUserHandler(IUserAccounts accounts, ICurrentUser currentUser) : ICommandHandler<DisableUser, UserResponse>
{
    public async ValueTask<UserResponse> Handle(DisableUser command, CancellationToken cancellationToken)
    {
        var user = await accounts.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("user", command.Id);
        if (user.Id == currentUser.UserId)
        {
            throw new ConflictProblem("You cannot disable your own account.");
        }

        if (user.Role == Roles.Admin && !user.IsDisabled && await accounts.CountActiveAdminsAsync(cancellationToken) <= 1)
        {
            throw new ConflictProblem("This is the last active admin; make another admin first.");
        }

        return await accounts.SetDisabledAsync(command.Id, disabled: true, cancellationToken);
    }
}

/// <summary>Re-enables a disabled account. Tokens issued before it was disabled stay invalid.</summary>
[RequiresRole(Roles.Admin)]
public sealed record EnableUser(Guid Id) : ICommand<UserResponse>;

public sealed class EnableUserHandler(IUserAccounts accounts) : ICommandHandler<EnableUser, UserResponse>
{
    public async ValueTask<UserResponse> Handle(EnableUser command, CancellationToken cancellationToken)
    {
        _ = await accounts.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("user", command.Id);
        return await accounts.SetDisabledAsync(command.Id, disabled: false, cancellationToken);
    }
}
