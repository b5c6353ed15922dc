using Newsroom.Domain.Sections;

namespace Newsroom.Application.Sections;

/// <summary>A section as readers and editors see it.</summary>
/// <param name="Id">The section's id.</param>
/// <param name="Slug">URL name, made from the name ("revue-de-web").</param>
/// <param name="Name">Display name ("Revue de web").</param>
/// <param name="Description">Optional description for the section's page.</param>
/// <param name="Position">Navigation order, ascending.</param>
public sealed record SectionResponse(Guid Id, string Slug, string Name, string? Description, int Position)
{
    public static SectionResponse From(Section section) =>
        new(section.Id, section.Slug, section.Name, section.Description, section.Position);
}
