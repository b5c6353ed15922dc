using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

/// <summary>Deletes a draft or withdrawn article with its revisions; a public or scheduled article is a 409.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record DeleteArticle(Guid Id) : ICommand;

public sealed class DeleteArticleHandler(IArticleRepository articles, ArticleAccess access) : ICommandHandler<DeleteArticle>
{
    public async ValueTask<Unit> Handle(DeleteArticle command, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("article", command.Id);
        await access.EnsureCanEditAsync(article, cancellationToken);
        article.EnsureDeletable();
        articles.Remove(article);
        return Unit.Value;
    }
}
