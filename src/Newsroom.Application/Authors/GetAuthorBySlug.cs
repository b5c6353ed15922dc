using Mediator;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Authors;

/// <summary>An author's public profile. An author with no public article is a 404, like an unknown one.</summary>
public sealed record GetAuthorBySlug(string Slug) : IQuery<PublicAuthorResponse>;

public sealed class GetAuthorBySlugHandler(IAuthorRepository authors, TimeProvider clock) : IQueryHandler<GetAuthorBySlug, PublicAuthorResponse>
{
    public async ValueTask<PublicAuthorResponse> Handle(GetAuthorBySlug query, CancellationToken cancellationToken) =>
        await authors.FindPublicBySlugAsync(query.Slug, clock.GetUtcNow(), cancellationToken) ?? throw NotFoundProblem.For("author", query.Slug);
}
