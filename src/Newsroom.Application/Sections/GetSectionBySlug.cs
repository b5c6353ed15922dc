using Mediator;
using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Sections;

public sealed record GetSectionBySlug(string Slug) : IQuery<SectionResponse>;

public sealed class GetSectionBySlugHandler(ISectionRepository sections) : IQueryHandler<GetSectionBySlug, SectionResponse>
{
    public async ValueTask<SectionResponse> Handle(GetSectionBySlug query, CancellationToken cancellationToken) =>
        await sections.FindBySlugAsync(query.Slug, cancellationToken) ?? throw NotFoundProblem.For("section", query.Slug);
}
