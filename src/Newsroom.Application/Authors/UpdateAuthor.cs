using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Common.Validation;
using Newsroom.Application.Users;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Authors;

/// <summary>
/// Replaces an author's profile. Without a slug the current one is kept: an author's page is linked from every article
/// they signed, so fixing a typo in the name must not move it. A taken slug is a 409.
/// </summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record UpdateAuthor(Guid Id, string Name, string? Slug, string? Bio, string? AvatarUrl, Guid? UserId) : ICommand<AuthorResponse>;

public sealed class UpdateAuthorValidator : AbstractValidator<UpdateAuthor>
{
    public UpdateAuthorValidator()
    {
        RuleFor(c => c.Name).AuthorName();
        RuleFor(c => c.Slug).AuthorSlug();
        RuleFor(c => c.Bio).AuthorBio();
        RuleFor(c => c.AvatarUrl).HttpsUrl();
    }
}

public sealed class UpdateAuthorHandler(IAuthorRepository authors, IUserAccounts accounts, TimeProvider clock) : ICommandHandler<UpdateAuthor, AuthorResponse>
{
    public async ValueTask<AuthorResponse> Handle(UpdateAuthor command, CancellationToken cancellationToken)
    {
        var author = await authors.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("author", command.Id);
        await AuthorAccount.EnsureExistsAsync(accounts, command.UserId, cancellationToken);
        author.Update(command.Name, command.Slug ?? author.Slug, command.Bio, command.AvatarUrl, command.UserId, clock.GetUtcNow());
        return AuthorResponse.From(author);
    }
}
