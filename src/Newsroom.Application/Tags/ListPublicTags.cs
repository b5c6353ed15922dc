using FluentValidation;
using Mediator;

namespace Newsroom.Application.Tags;

/// <summary>The tags readers can browse: those with public articles, most used first.</summary>
public sealed record ListPublicTags(int? Limit) : IQuery<IReadOnlyList<PublicTagResponse>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;
}

public sealed class ListPublicTagsValidator : AbstractValidator<ListPublicTags>
{
    public ListPublicTagsValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, ListPublicTags.MaxLimit).WithMessage($"must be between 1 and {ListPublicTags.MaxLimit}.");
}

public sealed class ListPublicTagsHandler(ITagRepository tags, TimeProvider clock) : IQueryHandler<ListPublicTags, IReadOnlyList<PublicTagResponse>>
{
    public async ValueTask<IReadOnlyList<PublicTagResponse>> Handle(ListPublicTags query, CancellationToken cancellationToken) =>
        await tags.ListPublicAsync(clock.GetUtcNow(), query.Limit ?? ListPublicTags.DefaultLimit, cancellationToken);
}
