using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Tags;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// What saving these tracked changes makes stale of what readers see, as cache keys (<see cref="CacheKeys"/>), so that
/// exactly the answers showing it are dropped (an editor's draft saves, or user management, drop none). Read from the
/// change tracker before the save (original and current values), with the rules:
/// <list type="bullet">
/// <item>an article that is or was published or scheduled: its <c>article-&lt;id&gt;</c> and <c>sitemap</c>; when what
/// lists show changes membership or order (published, withdrawn, unscheduled, going live, re-dated, moved to another
/// section, added or deleted) also <c>list</c>, <c>feed</c>, <c>search</c> and its new neighbours (previous and next
/// on the site and in its section, whose pages did not show it; found after the save,
/// <see cref="PublicContentScan.Placed"/>); when its words change, <c>search</c>. Not its section's, tags' or bylines'
/// keys: every answer listing or counting articles by them carries <c>list</c> (or <c>feed</c>, <c>search</c>), and
/// every article page carries its own section's, tags' and bylines' keys so that a rename reaches it: naming them
/// here would drop every page of the section at each publication;</item>
/// <item>its tags and bylines (added or removed: its page, and every list, feed and search by them), related picks
/// and old slugs (its page), unless its own tracked row says it is a draft or withdrawn on both sides of the change
/// (an untracked article counts as public);</item>
/// <item>a section: its key and <c>site</c>; renamed, moved or deleted, its old and new keys, <c>list</c>,
/// <c>feed</c>, <c>search</c>, <c>site</c> and <c>sitemap</c> (teasers, feeds, facets, navigation and URLs show it);</item>
/// <item>a tag or an author: its key; renamed or deleted, its old and new keys, <c>list</c>, <c>feed</c> and
/// <c>search</c> (teasers, feeds and facets show their names; an article page carries their keys).</item>
/// </list>
/// Revisions, users and roles, the outbox and idempotency records are never public.
/// </summary>
internal static class PublicContent
{
    private static readonly string[] ArticleWords =
        [nameof(Article.Title), nameof(Article.Standfirst), nameof(Article.Body), nameof(Article.SearchTags)];

    private static readonly string[] Listing = [CacheKeys.List, CacheKeys.Feed, CacheKeys.Search];

    public static PublicContentScan Scan(ChangeTracker tracker)
    {
        var scan = new PublicContentScan();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Article:
                    ScanArticle(scan, entry);
                    break;
                case Section:
                    ScanSection(scan, entry);
                    break;
                case Tag:
                    ScanNamed(scan, entry, CacheKeys.Tag);
                    break;
                case Author:
                    ScanNamed(scan, entry, CacheKeys.Author);
                    break;
                case ArticleTag link when ArticleIsOrWasPublic(tracker, link.ArticleId):
                    AddListed(scan, link.ArticleId);
                    break;
                case ArticleAuthor link when ArticleIsOrWasPublic(tracker, link.ArticleId):
                    AddListed(scan, link.ArticleId);
                    break;
                case RelatedPick pick when ArticleIsOrWasPublic(tracker, pick.ArticleId):
                    scan.Keys.Add(CacheKeys.Article(pick.ArticleId));
                    break;
                case ArticleSlugHistory history when ArticleIsOrWasPublic(tracker, history.ArticleId):
                    scan.Keys.Add(CacheKeys.Article(history.ArticleId));
                    break;
            }
        }

        return scan;
    }

    private static void ScanArticle(PublicContentScan scan, EntityEntry entry)
    {
        var status = entry.Property(nameof(Article.Status));
        var was = entry.State != EntityState.Added && IsPublic(status.OriginalValue);
        var isNow = entry.State != EntityState.Deleted && IsPublic(status.CurrentValue);
        if (!was && !isNow)
        {
            return;
        }

        var article = (Article)entry.Entity;
        scan.Keys.Add(CacheKeys.Article(article.Id));
        scan.Keys.Add(CacheKeys.Sitemap);
        if (entry.State != EntityState.Modified || was != isNow || IsModified(entry, nameof(Article.Status), nameof(Article.PublishedAt), nameof(Article.SectionId)))
        {
            scan.Keys.UnionWith(Listing);
            if (isNow)
            {
                scan.Placed.Add(article.Id);
            }
        }
        else if (IsModified(entry, ArticleWords))
        {
            scan.Keys.Add(CacheKeys.Search);
        }
    }

    private static void AddListed(PublicContentScan scan, Guid articleId)
    {
        scan.Keys.Add(CacheKeys.Article(articleId));
        scan.Keys.UnionWith(Listing);
    }

    private static void ScanSection(PublicContentScan scan, EntityEntry entry)
    {
        scan.Keys.Add(CacheKeys.Site);
        AddSlugs(scan, entry, CacheKeys.Section);
        if (entry.State != EntityState.Added)
        {
            scan.Keys.UnionWith(Listing);
            scan.Keys.Add(CacheKeys.Sitemap);
        }
    }

    /// <summary>A tag or an author: only its own answers change, unless its name or slug does (or it goes).</summary>
    private static void ScanNamed(PublicContentScan scan, EntityEntry entry, Func<string, string> key)
    {
        AddSlugs(scan, entry, key);
        if (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && IsModified(entry, "Name", "Slug")))
        {
            scan.Keys.UnionWith(Listing);
        }
    }

    private static void AddSlugs(PublicContentScan scan, EntityEntry entry, Func<string, string> key)
    {
        var slug = entry.Property("Slug");
        if (entry.State != EntityState.Added)
        {
            scan.Keys.Add(key((string)slug.OriginalValue!));
        }

        if (entry.State != EntityState.Deleted)
        {
            scan.Keys.Add(key((string)slug.CurrentValue!));
        }
    }

    private static bool IsModified(EntityEntry entry, params string[] properties) =>
        entry.State == EntityState.Modified && properties.Any(p => entry.Property(p).IsModified);

    private static bool ArticleIsOrWasPublic(ChangeTracker tracker, Guid articleId)
    {
        var article = tracker.Entries<Article>().FirstOrDefault(e => e.Entity.Id == articleId);
        if (article is null)
        {
            return true;
        }

        var status = article.Property(nameof(Article.Status));
        return IsPublic(status.CurrentValue) || (article.State != EntityState.Added && IsPublic(status.OriginalValue));
    }

    private static bool IsPublic(object? status) => status is ArticleStatus.Published or ArticleStatus.Scheduled;
}

/// <summary>What <see cref="PublicContent.Scan"/> found: the keys known from the tracker, and the articles whose new neighbours must be found after the save.</summary>
internal sealed class PublicContentScan
{
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Articles now listed at a new place (published, going live, re-dated, moved): their neighbours' pages change.</summary>
    public HashSet<Guid> Placed { get; } = [];

    public bool IsEmpty => Keys.Count == 0 && Placed.Count == 0;
}
