using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Validation;
using Newsroom.Application.Users;
using Newsroom.Domain;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Authors;

/// <summary>Adds a byline. The slug defaults to one made from the name; a taken slug is a 409 from the database.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record CreateAuthor(string Name, string? Slug, string? Bio, string? AvatarUrl, Guid? UserId) : ICommand<AuthorResponse>;

public sealed class CreateAuthorValidator : AbstractValidator<CreateAuthor>
{
    public CreateAuthorValidator()
    {
        RuleFor(c => c.Name).AuthorName();
        RuleFor(c => c.Slug).AuthorSlug();
        RuleFor(c => c.Bio).AuthorBio();
        RuleFor(c => c.AvatarUrl).HttpsUrl();
    }
}

public sealed class CreateAuthorHandler(IAuthorRepository authors, IUserAccounts accounts, TimeProvider clock) : ICommandHandler<CreateAuthor, AuthorResponse>
{
    public async ValueTask<AuthorResponse> Handle(CreateAuthor command, CancellationToken cancellationToken)
    {
        await AuthorAccount.EnsureExistsAsync(accounts, command.UserId, cancellationToken);
        var slug = command.Slug ?? Slug.From(command.Name);
        var author = new Author(Guid.CreateVersion7(), command.Name, slug, command.Bio, command.AvatarUrl, command.UserId, clock.GetUtcNow());
        authors.Add(author);
        return AuthorResponse.From(author);
    }
}
