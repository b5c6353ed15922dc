using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class RelatedPicks(NewsroomDbContext db) : IRelatedPicks
{
    public async Task<IReadOnlyList<Guid>> UnknownArticleIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var known = await db.Articles.IgnoreAutoIncludes().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        return ids.Except(known).ToList();
    }

    public async Task ReplaceAsync(Guid articleId, IReadOnlyList<Guid> relatedIds, CancellationToken cancellationToken)
    {
        db.RelatedPicks.RemoveRange(await db.RelatedPicks.Where(p => p.ArticleId == articleId).ToListAsync(cancellationToken));
        db.RelatedPicks.AddRange(relatedIds.Select((id, position) => new RelatedPick { ArticleId = articleId, RelatedArticleId = id, Position = position }));
    }
}
