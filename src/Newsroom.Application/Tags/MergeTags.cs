using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Tags;

/// <summary>
/// Folds one tag into another ("IA" into "Intelligence artificielle"): the source's articles are filed under the target
/// and the source is deleted. Merging a tag into itself is an invalid request (400 on <c>targetId</c>), as is an
/// unknown target; an unknown source is a 404.
/// </summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record MergeTags(Guid Id, Guid TargetId) : ICommand<TagResponse>;

public sealed class MergeTagsValidator : AbstractValidator<MergeTags>
{
    public MergeTagsValidator()
    {
        RuleFor(c => c.TargetId).NotEmpty().WithMessage("must not be empty.")
            .NotEqual(c => c.Id).WithMessage("must be another tag than the one merged.");
    }
}

public sealed class MergeTagsHandler(ITagRepository tags, IUnitOfWork unitOfWork) : ICommandHandler<MergeTags, TagResponse>
{
    public async ValueTask<TagResponse> Handle(MergeTags command, CancellationToken cancellationToken)
    {
        var existing = await tags.LockAsync([command.Id, command.TargetId], cancellationToken);
        if (!existing.Contains(command.Id))
        {
            throw NotFoundProblem.For("tag", command.Id);
        }

        if (!existing.Contains(command.TargetId))
        {
            throw ValidationFailedProblem.ForField("targetId", "must be the id of an existing tag.");
        }

        var source = await tags.FindAsync(command.Id, cancellationToken);
        var moved = await tags.ArticleIdsAsync(command.Id, cancellationToken);
        await tags.MergeAsync(command.Id, command.TargetId, cancellationToken);
        await tags.ReindexArticlesAsync(moved, cancellationToken);
        var target = await tags.FindAsync(command.TargetId, cancellationToken);
        // Merged by SQL, which the saves never show: the pages that carried either tag, and every list, feed and
        // search that showed the source's name or counted the target's articles.
        unitOfWork.NotePublicChange(PublicChange.Of(
            [CacheKeys.Tag(source!.Slug), CacheKeys.Tag(target!.Slug), CacheKeys.List, CacheKeys.Feed, CacheKeys.Search]));
        return TagResponse.From(target, await tags.CountArticlesAsync(command.TargetId, cancellationToken));
    }
}
