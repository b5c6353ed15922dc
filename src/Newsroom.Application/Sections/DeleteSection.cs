using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Sections;

/// <summary>Deletes an empty section. The database refuses to orphan articles, which surfaces as a 409.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record DeleteSection(Guid Id) : ICommand;

public sealed class DeleteSectionHandler(ISectionRepository sections) : ICommandHandler<DeleteSection>
{
    public async ValueTask<Unit> Handle(DeleteSection command, CancellationToken cancellationToken)
    {
        var section = await sections.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("section", command.Id);
        sections.Remove(section);
        return Unit.Value;
    }
}
