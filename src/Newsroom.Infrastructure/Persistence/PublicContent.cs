using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Tags;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// Whether saving these tracked changes can change what readers see, so that the public caches are dropped only
/// then (an editor's draft saves, or user management, leave them warm). When in doubt, the answer is yes:
/// <list type="bullet">
/// <item>any section, tag or author (a new tag included);</item>
/// <item>an article that is or was published or scheduled (a scheduled article is visible from its instant on,
/// before the publisher marks it);</item>
/// <item>an article's tags, bylines, related picks and old slugs, unless its own tracked row says it is a draft or
/// withdrawn on both sides of the change.</item>
/// </list>
/// Revisions, users and roles, the outbox and idempotency records are never public.
/// </summary>
internal static class PublicContent
{
    public static bool IsAffectedBy(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var affected = entry.Entity switch
            {
                Section or Tag or Author => true,
                Article => WasOrIsPublic(entry),
                ArticleTag link => ArticleIsOrWasPublic(tracker, link.ArticleId),
                ArticleAuthor link => ArticleIsOrWasPublic(tracker, link.ArticleId),
                RelatedPick pick => ArticleIsOrWasPublic(tracker, pick.ArticleId),
                ArticleSlugHistory history => ArticleIsOrWasPublic(tracker, history.ArticleId),
                _ => false,
            };
            if (affected)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ArticleIsOrWasPublic(ChangeTracker tracker, Guid articleId)
    {
        var article = tracker.Entries<Article>().FirstOrDefault(e => e.Entity.Id == articleId);
        return article is null || WasOrIsPublic(article);
    }

    private static bool WasOrIsPublic(EntityEntry article)
    {
        var status = article.Property(nameof(Article.Status));
        return IsPublic(status.CurrentValue) || (article.State != EntityState.Added && IsPublic(status.OriginalValue));
    }

    private static bool IsPublic(object? status) => status is ArticleStatus.Published or ArticleStatus.Scheduled;
}
