using Mediator;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Tags;

/// <summary>A tag's public page header. A tag with no public article is a 404, so a draft's tags never leak.</summary>
public sealed record GetTagBySlug(string Slug) : IQuery<PublicTagResponse>;

public sealed class GetTagBySlugHandler(ITagRepository tags, TimeProvider clock) : IQueryHandler<GetTagBySlug, PublicTagResponse>
{
    public async ValueTask<PublicTagResponse> Handle(GetTagBySlug query, CancellationToken cancellationToken) =>
        await tags.FindPublicBySlugAsync(query.Slug, clock.GetUtcNow(), cancellationToken) ?? throw NotFoundProblem.For("tag", query.Slug);
}
