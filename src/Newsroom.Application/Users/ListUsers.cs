using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Users;

[RequiresRole(Roles.Admin)]
public sealed record ListUsers : IQuery<IReadOnlyList<UserResponse>>;

public sealed class ListUsersHandler(IUserAccounts accounts) : IQueryHandler<ListUsers, IReadOnlyList<UserResponse>>
{
    public async ValueTask<IReadOnlyList<UserResponse>> Handle(ListUsers query, CancellationToken cancellationToken) =>
        await accounts.ListAsync(cancellationToken);
}

[RequiresRole(Roles.Admin)]
public sealed record GetUser(Guid Id) : IQuery<UserResponse>;

public sealed class GetUserHandler(IUserAccounts accounts) : IQueryHandler<GetUser, UserResponse>
{
    public async ValueTask<UserResponse> Handle(GetUser query, CancellationToken cancellationToken) =>
        await accounts.FindAsync(query.Id, cancellationToken) ?? throw NotFoundProblem.For("user", query.Id);
}
