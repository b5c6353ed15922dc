using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Domain;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class ArticleReferences(NewsroomDbContext db, TimeProvider clock) : IArticleReferences
{
    public Task<bool> SectionExistsAsync(Guid sectionId, CancellationToken cancellationToken) =>
        db.Sections.AnyAsync(s => s.Id == sectionId, cancellationToken);

    public async Task<IReadOnlyList<Guid>> UnknownAuthorIdsAsync(IReadOnlyList<Guid> authorIds, CancellationToken cancellationToken)
    {
        var known = await db.Authors.Where(a => authorIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return authorIds.Except(known).ToList();
    }

    /// <summary>
    /// Insert-if-missing in one statement per tag: two editors adding the same new tag at once both end with the
    /// one row (ON CONFLICT DO NOTHING), instead of one of them failing on the unique slug.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> EnsureTagsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var wanted = names
            .Select(Tag.NormalizeName)
            .Select(name => (Name: name, Slug: Slug.From(name)))
            .Where(t => t.Slug.Length > 0)
            .DistinctBy(t => t.Slug)
            .ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        foreach (var (name, slug) in wanted)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO tags (id, name, slug, created_at) VALUES ({Guid.CreateVersion7()}, {name}, {slug}, {now}) ON CONFLICT (slug) DO NOTHING",
                cancellationToken);
        }

        var slugs = wanted.Select(t => t.Slug).ToList();
        var tags = await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);
        return wanted.Select(t => (tags[t.Slug].Id, tags[t.Slug].Name)).ToList();
    }

    public async Task<IReadOnlyList<string>> TagNamesAsync(IReadOnlyList<Guid> tagIds, CancellationToken cancellationToken)
    {
        var names = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return tagIds.Where(names.ContainsKey).Select(id => names[id]).ToList();
    }

    public async Task<IReadOnlyList<Guid>> AuthorIdsOfUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Authors.Where(a => a.UserId == userId).Select(a => a.Id).ToListAsync(cancellationToken);
}
