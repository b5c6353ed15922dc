using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Authors;

/// <summary>Every author, for the back office.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record ListAuthors : IQuery<IReadOnlyList<AuthorResponse>>;

public sealed class ListAuthorsHandler(IAuthorRepository authors) : IQueryHandler<ListAuthors, IReadOnlyList<AuthorResponse>>
{
    public async ValueTask<IReadOnlyList<AuthorResponse>> Handle(ListAuthors query, CancellationToken cancellationToken) =>
        await authors.ListAsync(cancellationToken);
}
