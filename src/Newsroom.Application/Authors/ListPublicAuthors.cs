using Mediator;

namespace Newsroom.Application.Authors;

/// <summary>The newsroom's bylines for readers (authors with public articles only), by name, with how many articles each has published.</summary>
public sealed record ListPublicAuthors : IQuery<IReadOnlyList<PublicAuthorResponse>>;

public sealed class ListPublicAuthorsHandler(IAuthorRepository authors, TimeProvider clock) : IQueryHandler<ListPublicAuthors, IReadOnlyList<PublicAuthorResponse>>
{
    public async ValueTask<IReadOnlyList<PublicAuthorResponse>> Handle(ListPublicAuthors query, CancellationToken cancellationToken) =>
        await authors.ListPublicAsync(clock.GetUtcNow(), cancellationToken);
}
