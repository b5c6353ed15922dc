using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Tags;

/// <summary>Every tag with its article count, for the back office.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record ListTags : IQuery<IReadOnlyList<TagResponse>>;

public sealed class ListTagsHandler(ITagRepository tags) : IQueryHandler<ListTags, IReadOnlyList<TagResponse>>
{
    public async ValueTask<IReadOnlyList<TagResponse>> Handle(ListTags query, CancellationToken cancellationToken) =>
        await tags.ListAsync(cancellationToken);
}
