using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Tags;

/// <summary>One tag with its article count, for the back office.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record GetTag(Guid Id) : IQuery<TagResponse>;

public sealed class GetTagHandler(ITagRepository tags) : IQueryHandler<GetTag, TagResponse>
{
    public async ValueTask<TagResponse> Handle(GetTag query, CancellationToken cancellationToken)
    {
        var tag = await tags.FindAsync(query.Id, cancellationToken) ?? throw NotFoundProblem.For("tag", query.Id);
        return TagResponse.From(tag, await tags.CountArticlesAsync(tag.Id, cancellationToken));
    }
}
