using Mediator;

namespace Newsroom.Application.Authors;

/// <summary>Every author, for the back office.</summary>
public sealed record ListAuthors : IQuery<IReadOnlyList<AuthorResponse>>;

public sealed class ListAuthorsHandler(IAuthorRepository authors) : IQueryHandler<ListAuthors, IReadOnlyList<AuthorResponse>>
{
    public async ValueTask<IReadOnlyList<AuthorResponse>> Handle(ListAuthors query, CancellationToken cancellationToken) =>
        await authors.ListAsync(cancellationToken);
}
