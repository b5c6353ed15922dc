using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Authors;

/// <summary>Deletes an author who signs no article. The database refuses to leave bylines dangling, which surfaces as a 409.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record DeleteAuthor(Guid Id) : ICommand;

public sealed class DeleteAuthorHandler(IAuthorRepository authors) : ICommandHandler<DeleteAuthor>
{
    public async ValueTask<Unit> Handle(DeleteAuthor command, CancellationToken cancellationToken)
    {
        var author = await authors.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("author", command.Id);
        authors.Remove(author);
        return Unit.Value;
    }
}
