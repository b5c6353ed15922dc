using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Tags;

/// <summary>Renames a tag; the slug follows the name. A slug another tag has is a 409: merge the two instead.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record RenameTag(Guid Id, string Name) : ICommand<TagResponse>;

public sealed class RenameTagValidator : AbstractValidator<RenameTag>
{
    public RenameTagValidator() => RuleFor(c => c.Name).TagName();
}

public sealed class RenameTagHandler(ITagRepository tags, IUnitOfWork unitOfWork) : ICommandHandler<RenameTag, TagResponse>
{
    public async ValueTask<TagResponse> Handle(RenameTag command, CancellationToken cancellationToken)
    {
        var tag = await tags.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("tag", command.Id);
        tag.Rename(command.Name);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        // Search finds articles by their tags' names: the renamed tag's articles are reindexed with the new one.
        await tags.ReindexArticlesAsync(await tags.ArticleIdsAsync(tag.Id, cancellationToken), cancellationToken);
        return TagResponse.From(tag, await tags.CountArticlesAsync(tag.Id, cancellationToken));
    }
}
