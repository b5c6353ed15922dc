using Mediator;

namespace Newsroom.Application.Sections;

/// <summary>All sections in navigation order.</summary>
public sealed record ListSections : IQuery<IReadOnlyList<SectionResponse>>;

public sealed class ListSectionsHandler(ISectionRepository sections) : IQueryHandler<ListSections, IReadOnlyList<SectionResponse>>
{
    public async ValueTask<IReadOnlyList<SectionResponse>> Handle(ListSections query, CancellationToken cancellationToken) =>
        await sections.ListAsync(cancellationToken);
}
