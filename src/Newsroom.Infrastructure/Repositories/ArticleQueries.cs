using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

/// <summary>Back-office reads: untracked, a handful of indexed queries per page, assembled into response records.</summary>
internal sealed class ArticleQueries(NewsroomDbContext db) : IArticleQueries
{
    public async Task<AdminArticleResponse?> GetAdminAsync(Guid id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        var names = await NamesAsync([article], cancellationToken);
        return new AdminArticleResponse(
            article.Id, article.Slug, article.Title, article.Standfirst, article.Body, article.BodyHtml, article.BodyText,
            article.ReadingTimeMinutes, article.Status, names.Section(article.SectionId), names.Tags(article), names.Authors(article),
            article.Sources, article.CoverImage, article.PublishAt, article.PublishedAt, article.FirstPublishedAt, article.CreatedAt,
            article.UpdatedAt, article.CreatedBy, ArticleVersions.Format(article.Version), article.RevisionCount,
            article.SlugHistory.OrderBy(h => h.RetiredAt).Select(h => h.Slug).ToList());
    }

    public async Task<CursorPage<AdminArticleSummary>> ListAdminAsync(ArticleListFilter filter, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        var query = db.Articles.AsNoTracking().IgnoreAutoIncludes();
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.Section is { } section)
        {
            query = query.Where(a => db.Sections.Any(s => s.Id == a.SectionId && s.Slug == section));
        }

        if (filter.Tag is { } tag)
        {
            query = query.Where(a => a.Tags.Any(t => db.Tags.Any(x => x.Id == t.TagId && x.Slug == tag)));
        }

        if (filter.Author is { } author)
        {
            query = query.Where(a => a.Authors.Any(t => db.Authors.Any(x => x.Id == t.AuthorId && x.Slug == author)));
        }

        if (filter.Text is { } text)
        {
            var pattern = LikePatterns.Containing(text);
            query = query.Where(a => EF.Functions.ILike(a.Title, pattern));
        }

        if (filter.OnlyOwnedBy is { } owner)
        {
            var own = filter.OwnAuthorIds;
            query = query.Where(a => a.CreatedBy == owner || a.Authors.Any(x => own.Contains(x.AuthorId)));
        }

        if (after is { } cursor)
        {
            query = query.Where(a => a.UpdatedAt < cursor.Instant || (a.UpdatedAt == cursor.Instant && a.Id.CompareTo(cursor.Id) < 0));
        }

        var page = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Take(limit + 1)
            .Include(a => a.Authors).AsSplitQuery().ToListAsync(cancellationToken);
        var hasMore = page.Count > limit;
        page = page.Take(limit).ToList();
        var names = await NamesAsync(page, cancellationToken);
        var items = page.Select(a => new AdminArticleSummary(a.Id, a.Slug, a.Title, a.Status, names.Section(a.SectionId), names.Authors(a),
            a.PublishAt, a.PublishedAt, a.UpdatedAt, ArticleVersions.Format(a.Version))).ToList();
        return new CursorPage<AdminArticleSummary>(items, hasMore ? new KeysetCursor(page[^1].UpdatedAt, page[^1].Id).Encode() : null);
    }

    public async Task<PublicArticleResponse?> GetPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        return (await NamesAsync([article], cancellationToken)).Page(article, [], null, null);
    }

    public async Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(Guid articleId, CancellationToken cancellationToken) =>
        await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Action, r.ChangedFields, r.CreatedBy, r.CreatedAt))
            .ToListAsync(cancellationToken);

    public Task<ArticleRevision?> FindRevisionAsync(Guid articleId, int number, CancellationToken cancellationToken) =>
        db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, cancellationToken);

    private Task<ArticleNames> NamesAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken) =>
        ArticleNames.LoadAsync(db, articles, cancellationToken);
}
