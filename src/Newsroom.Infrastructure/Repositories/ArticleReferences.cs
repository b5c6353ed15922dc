using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Application.Authors;
using Newsroom.Application.Tags;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class ArticleReferences(NewsroomDbContext db, ITagRepository tags, IAuthorRepository authors) : IArticleReferences
{
    public Task<bool> SectionExistsAsync(Guid sectionId, CancellationToken cancellationToken) =>
        db.Sections.AnyAsync(s => s.Id == sectionId, cancellationToken);

    public async Task<IReadOnlyList<Guid>> UnknownAuthorIdsAsync(IReadOnlyList<Guid> authorIds, CancellationToken cancellationToken)
    {
        var known = await db.Authors.Where(a => authorIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return authorIds.Except(known).ToList();
    }

    /// <summary>Tags come from the tag repository, which creates missing ones race-free (ordered inserts, ON CONFLICT, locked read-back).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> EnsureTagsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        (await tags.EnsureTagsAsync(names, cancellationToken)).Select(t => (t.Id, t.Name)).ToList();

    public async Task<IReadOnlyList<string>> TagNamesAsync(IReadOnlyList<Guid> tagIds, CancellationToken cancellationToken)
    {
        var names = await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return tagIds.Where(names.ContainsKey).Select(id => names[id]).ToList();
    }

    public Task<IReadOnlyList<Guid>> AuthorIdsOfUserAsync(Guid userId, CancellationToken cancellationToken) =>
        authors.AuthorIdsOfUserAsync(userId, cancellationToken);
}
