using Newsroom.Application.Common.Paging;
using Newsroom.Domain.Articles;

namespace Newsroom.Application.Articles;

/// <summary>Writes to the article aggregate (tracked, with its tags, byline and slug history).</summary>
public interface IArticleRepository
{
    Task<Article?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Article article);

    void Remove(Article article);

    void AddRevision(ArticleRevision revision);

    /// <summary>True when another article uses the slug now or used it before (old slugs keep redirecting).</summary>
    Task<bool> IsSlugTakenAsync(string slug, Guid? exceptArticleId, CancellationToken cancellationToken);

    /// <summary>The first free slug among "base", "base-2", "base-3"…</summary>
    Task<string> NextFreeSlugAsync(string baseSlug, Guid? exceptArticleId, CancellationToken cancellationToken);

    /// <summary>
    /// Scheduled articles due at <paramref name="now"/>, earliest first, locked for this transaction; rows another
    /// transaction holds are skipped, so concurrent publishers never claim the same article.
    /// </summary>
    Task<IReadOnlyList<Article>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Makes the stored version the one the caller read, so a write that raced in between fails as stale.</summary>
    void ExpectVersion(Article article, uint version);
}

/// <summary>What an article refers to: sections, tags, authors. Lookups the handlers need to validate and to name things.</summary>
public interface IArticleReferences
{
    Task<bool> SectionExistsAsync(Guid sectionId, CancellationToken cancellationToken);

    /// <summary>The ids among these that name no author.</summary>
    Task<IReadOnlyList<Guid>> UnknownAuthorIdsAsync(IReadOnlyList<Guid> authorIds, CancellationToken cancellationToken);

    /// <summary>Tags for these names in this order, created on first use; names equal up to case, accents and spacing are one tag.</summary>
    Task<IReadOnlyList<(Guid Id, string Name)>> EnsureTagsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> TagNamesAsync(IReadOnlyList<Guid> tagIds, CancellationToken cancellationToken);

    /// <summary>The author profiles linked to this account: an author may edit articles they sign.</summary>
    Task<IReadOnlyList<Guid>> AuthorIdsOfUserAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>Filters of the back office's list.</summary>
public sealed record ArticleListFilter(ArticleStatus? Status, string? Section, string? Tag, string? Author, string? Text, Guid? OnlyOwnedBy, IReadOnlyList<Guid> OwnAuthorIds);

/// <summary>Reads projected straight to responses.</summary>
public interface IArticleQueries
{
    Task<AdminArticleResponse?> GetAdminAsync(Guid id, CancellationToken cancellationToken);

    Task<CursorPage<AdminArticleSummary>> ListAdminAsync(ArticleListFilter filter, KeysetCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The article in the public page's shape, whatever its status.</summary>
    Task<PublicArticleResponse?> GetPreviewAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(Guid articleId, CancellationToken cancellationToken);

    Task<ArticleRevision?> FindRevisionAsync(Guid articleId, int number, CancellationToken cancellationToken);
}
