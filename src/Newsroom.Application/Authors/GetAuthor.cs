using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Authors;

/// <summary>One author with its account link, for the back office.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record GetAuthor(Guid Id) : IQuery<AuthorResponse>;

public sealed class GetAuthorHandler(IAuthorRepository authors) : IQueryHandler<GetAuthor, AuthorResponse>
{
    public async ValueTask<AuthorResponse> Handle(GetAuthor query, CancellationToken cancellationToken) =>
        AuthorResponse.From(await authors.FindAsync(query.Id, cancellationToken) ?? throw NotFoundProblem.For("author", query.Id));
}
