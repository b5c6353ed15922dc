using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Validation;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Users;

/// <summary>Creates a newsroom account (Admin only).</summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateUser(string Email, string DisplayName, string Role, string Password) : ICommand<UserResponse>;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("must not be empty.")
            .MaximumLength(254).WithMessage("must be at most 254 characters.")
            .AllowedCharacters()
            .EmailAddress().WithMessage("must be an e-mail address.");
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("must not be empty.")
            .MaximumLength(100).WithMessage("must be at most 100 characters.")
            .AllowedCharacters();
        RuleFor(c => c.Role).Must(r => Roles.Normalize(r) is not null).WithMessage($"must be one of {string.Join(", ", Roles.All)}.");
        RuleFor(c => c.Password).MustBeAStrongPassword(c => c.Email, c => c.DisplayName);
    }
}

public sealed class CreateUserHandler(IUserAccounts accounts) : ICommandHandler<CreateUser, UserResponse>
{
    public async ValueTask<UserResponse> Handle(CreateUser command, CancellationToken cancellationToken) =>
        await accounts.CreateAsync(command.Email.Trim(), command.DisplayName.Trim(), Roles.Normalize(command.Role)!, command.Password, cancellationToken);
}
