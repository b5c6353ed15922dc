using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Common.Validation;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

/// <summary>One article for the back office.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record GetArticle(Guid Id) : IQuery<AdminArticleResponse>;

/// <summary>The current draft in exactly the public article page's shape.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record PreviewArticle(Guid Id) : IQuery<PublicArticleResponse>;

/// <summary>The back office's list, newest-updated first.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record ListArticles(string? Status, string? Section, string? Tag, string? Author, string? Q, int? Limit, string? Cursor)
    : IQuery<CursorPage<AdminArticleSummary>>;

public sealed class ListArticlesValidator : AbstractValidator<ListArticles>
{
    public ListArticlesValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Enum.TryParse<ArticleStatus>(s, ignoreCase: true, out _))
            .WithMessage("must be one of draft, scheduled, published, withdrawn.");
        RuleFor(q => q.Limit).ValidPageSize();
        RuleFor(q => q.Cursor).Must(c => c is null || KeysetCursor.TryDecode(c, out _)).WithMessage("is not a cursor this API issued.");
        RuleFor(q => q.Q).MaximumLength(200).WithMessage("must be at most 200 characters.").AllowedCharacters();
        RuleFor(q => q.Section).MaximumLength(200).WithMessage("must be at most 200 characters.").AllowedCharacters();
        RuleFor(q => q.Tag).MaximumLength(200).WithMessage("must be at most 200 characters.").AllowedCharacters();
        RuleFor(q => q.Author).MaximumLength(200).WithMessage("must be at most 200 characters.").AllowedCharacters();
    }
}

public sealed class ArticleReadHandlers(IArticleRepository articles, IArticleQueries queries, ArticleAccess access) :
    IQueryHandler<GetArticle, AdminArticleResponse>,
    IQueryHandler<PreviewArticle, PublicArticleResponse>,
    IQueryHandler<ListArticles, CursorPage<AdminArticleSummary>>
{
    public async ValueTask<AdminArticleResponse> Handle(GetArticle query, CancellationToken cancellationToken)
    {
        await EnsureReadableAsync(query.Id, cancellationToken);
        return (await queries.GetAdminAsync(query.Id, cancellationToken))!;
    }

    public async ValueTask<PublicArticleResponse> Handle(PreviewArticle query, CancellationToken cancellationToken)
    {
        await EnsureReadableAsync(query.Id, cancellationToken);
        return (await queries.GetPreviewAsync(query.Id, cancellationToken))!;
    }

    public async ValueTask<CursorPage<AdminArticleSummary>> Handle(ListArticles query, CancellationToken cancellationToken)
    {
        var (ownedBy, ownAuthorIds) = await access.ListScopeAsync(cancellationToken);
        var status = query.Status is null ? (ArticleStatus?)null : Enum.Parse<ArticleStatus>(query.Status, ignoreCase: true);
        KeysetCursor? after = KeysetCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
        var filter = new ArticleListFilter(status, query.Section, query.Tag, query.Author, string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim(), ownedBy, ownAuthorIds);
        return await queries.ListAdminAsync(filter, after, PageSize.Of(query.Limit), cancellationToken);
    }

    private async Task EnsureReadableAsync(Guid id, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(id, cancellationToken) ?? throw NotFoundProblem.For("article", id);
        await access.EnsureCanReadAsync(article, cancellationToken);
    }
}
