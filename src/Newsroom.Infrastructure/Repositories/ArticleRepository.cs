using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class ArticleRepository(NewsroomDbContext db) : IArticleRepository
{
    public Task<Article?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Articles.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public void Add(Article article) => db.Articles.Add(article);

    public void Remove(Article article) => db.Articles.Remove(article);

    public void AddRevision(ArticleRevision revision) => db.ArticleRevisions.Add(revision);

    public async Task<bool> IsSlugTakenAsync(string slug, Guid? exceptArticleId, CancellationToken cancellationToken) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != exceptArticleId, cancellationToken)
        || await db.ArticleSlugHistory.AnyAsync(h => h.Slug == slug && h.ArticleId != exceptArticleId, cancellationToken);

    public async Task<string> NextFreeSlugAsync(string baseSlug, Guid? exceptArticleId, CancellationToken cancellationToken)
    {
        var prefix = baseSlug + "-";
        var taken = await db.Articles.Where(a => a.Id != exceptArticleId && (a.Slug == baseSlug || a.Slug.StartsWith(prefix))).Select(a => a.Slug)
            .Union(db.ArticleSlugHistory.Where(h => h.ArticleId != exceptArticleId && (h.Slug == baseSlug || h.Slug.StartsWith(prefix))).Select(h => h.Slug))
            .ToListAsync(cancellationToken);
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(baseSlug))
        {
            return baseSlug;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    public async Task<IReadOnlyList<Article>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        await db.Articles
            .FromSql($"SELECT *, xmin FROM articles WHERE status = 'Scheduled' AND publish_at <= {now} ORDER BY publish_at LIMIT {limit} FOR UPDATE SKIP LOCKED")
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

    public void ExpectVersion(Article article, uint version) =>
        db.Entry(article).Property(a => a.Version).OriginalValue = version;
}
