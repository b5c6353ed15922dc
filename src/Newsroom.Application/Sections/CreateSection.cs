using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Sections;

/// <summary>Adds a section; its slug is made from the name and must be unique (409 otherwise).</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record CreateSection(string Name, string? Description, int? Position) : ICommand<SectionResponse>;

public sealed class CreateSectionValidator : AbstractValidator<CreateSection>
{
    public CreateSectionValidator()
    {
        RuleFor(c => c.Name).SectionName();
        RuleFor(c => c.Description).SectionDescription();
        RuleFor(c => c.Position!.Value).SectionPosition().OverridePropertyName(nameof(CreateSection.Position)).When(c => c.Position is not null);
    }
}

public sealed class CreateSectionHandler(ISectionRepository sections, TimeProvider clock) : ICommandHandler<CreateSection, SectionResponse>
{
    public async ValueTask<SectionResponse> Handle(CreateSection command, CancellationToken cancellationToken)
    {
        var position = command.Position ?? await sections.NextPositionAsync(cancellationToken);
        var section = new Section(Guid.CreateVersion7(), command.Name, command.Description, position, clock.GetUtcNow());
        sections.Add(section);
        return SectionResponse.From(section);
    }
}
