using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Sections;

/// <summary>Renames, re-describes and moves a section. Renaming changes the slug; a taken slug is a 409.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record UpdateSection(Guid Id, string Name, string? Description, int Position) : ICommand<SectionResponse>;

public sealed class UpdateSectionValidator : AbstractValidator<UpdateSection>
{
    public UpdateSectionValidator()
    {
        RuleFor(c => c.Name).SectionName();
        RuleFor(c => c.Description).SectionDescription();
        RuleFor(c => c.Position).SectionPosition();
    }
}

public sealed class UpdateSectionHandler(ISectionRepository sections, TimeProvider clock) : ICommandHandler<UpdateSection, SectionResponse>
{
    public async ValueTask<SectionResponse> Handle(UpdateSection command, CancellationToken cancellationToken)
    {
        var section = await sections.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("section", command.Id);
        section.Rename(command.Name, command.Description, command.Position, clock.GetUtcNow());
        return SectionResponse.From(section);
    }
}
