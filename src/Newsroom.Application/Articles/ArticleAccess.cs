using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Articles;

namespace Newsroom.Application.Articles;

/// <summary>
/// Who may do what to this article. Editors and admins: everything. Authors: read the articles they created or
/// sign, edit (and delete) those only while they are drafts, never touch anyone else's. An article an Author may not
/// see is answered exactly like an id that matches nothing (404), so ids cannot be probed for other Authors' drafts;
/// 403 is kept for an article the Author sees but may not change.
/// </summary>
public sealed class ArticleAccess(ICurrentUser currentUser, IArticleReferences references)
{
    public async Task EnsureCanReadAsync(Article article, CancellationToken cancellationToken)
    {
        if (!currentUser.IsEditorOrAdmin && !await OwnsAsync(article, cancellationToken))
        {
            throw NotVisible(article);
        }
    }

    public async Task EnsureCanEditAsync(Article article, CancellationToken cancellationToken)
    {
        if (currentUser.IsEditorOrAdmin)
        {
            return;
        }

        if (!await OwnsAsync(article, cancellationToken))
        {
            throw NotVisible(article);
        }

        if (article.Status != ArticleStatus.Draft)
        {
            throw new ForbiddenProblem("Authors may only edit drafts; ask an editor to change a scheduled, published or withdrawn article.");
        }
    }

    /// <summary>For the list: authors see their own articles only.</summary>
    public async Task<(Guid? OnlyOwnedBy, IReadOnlyList<Guid> OwnAuthorIds)> ListScopeAsync(CancellationToken cancellationToken)
    {
        if (currentUser.IsEditorOrAdmin)
        {
            return (null, []);
        }

        var userId = currentUser.RequireUserId();
        return (userId, await references.AuthorIdsOfUserAsync(userId, cancellationToken));
    }

    /// <summary>The very problem an unknown id gets (same type, same words).</summary>
    private static NotFoundProblem NotVisible(Article article) => NotFoundProblem.For("article", article.Id);

    private async Task<bool> OwnsAsync(Article article, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequireUserId();
        return article.CreatedBy == userId || article.IsOwnedBy(userId, await references.AuthorIdsOfUserAsync(userId, cancellationToken));
    }
}
