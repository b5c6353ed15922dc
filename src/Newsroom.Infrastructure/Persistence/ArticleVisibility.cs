using Microsoft.EntityFrameworkCore;
using Newsroom.Domain.Articles;

namespace Newsroom.Infrastructure.Persistence;

/// <summary>What readers may see, as SQL: the query form of <see cref="Article.IsPublicAt"/>.</summary>
internal static class ArticleVisibility
{
    /// <summary>The statuses whose articles readers see once their instant has come, on articles aliased <c>a</c>.</summary>
    public const string Listed = "a.status IN ('Published', 'Scheduled')";

    /// <summary>The same rule in hand-written SQL, on articles aliased <c>a</c>, with the instant in parameter <c>@now</c>.</summary>
    public const string Sql = $"{Listed} AND a.published_at <= @now";

    /// <summary>
    /// Published, or scheduled and its instant has come. Auto-included children are dropped: callers filter or count,
    /// they never materialise the articles from here.
    /// </summary>
    public static IQueryable<Article> PublicAt(this IQueryable<Article> articles, DateTimeOffset now)
    {
        var utcNow = now.ToUniversalTime();
        return articles.IgnoreAutoIncludes()
            .Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled) && a.PublishedAt <= utcNow);
    }
}
