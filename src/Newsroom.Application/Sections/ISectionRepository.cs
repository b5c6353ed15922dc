using Newsroom.Domain.Sections;

namespace Newsroom.Application.Sections;

public interface ISectionRepository
{
    Task<Section?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Section section);

    void Remove(Section section);

    /// <summary>One past the last position, so a new section goes to the end of the navigation by default.</summary>
    Task<int> NextPositionAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<SectionResponse>> ListAsync(CancellationToken cancellationToken);

    Task<SectionResponse?> FindBySlugAsync(string slug, CancellationToken cancellationToken);
}
