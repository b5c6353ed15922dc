using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Sections;
using Newsroom.Domain.Sections;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class SectionRepository(NewsroomDbContext db) : ISectionRepository
{
    public Task<Section?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Sections.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    public void Add(Section section) => db.Sections.Add(section);

    public void Remove(Section section) => db.Sections.Remove(section);

    public async Task<int> NextPositionAsync(CancellationToken cancellationToken) =>
        (await db.Sections.MaxAsync(s => (int?)s.Position, cancellationToken) ?? -1) + 1;

    public async Task<IReadOnlyList<SectionResponse>> ListAsync(CancellationToken cancellationToken) =>
        await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new SectionResponse(s.Id, s.Slug, s.Name, s.Description, s.Position))
            .ToListAsync(cancellationToken);

    public Task<SectionResponse?> FindBySlugAsync(string slug, CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking()
            .Where(s => s.Slug == slug)
            .Select(s => new SectionResponse(s.Id, s.Slug, s.Name, s.Description, s.Position))
            .FirstOrDefaultAsync(cancellationToken);
}
