using FluentValidation;
using Mediator;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

/// <summary>Creates a draft (any newsroom role). The creator is the signed-in account.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record CreateArticle(ArticleInput Input) : ICommand<AdminArticleResponse>, IRendersArticleBody
{
    public ValueTask<string?> ReadBodyAsync(IArticleQueries queries, CancellationToken cancellationToken) => ValueTask.FromResult(Input.Body);
}

public sealed class CreateArticleValidator : AbstractValidator<CreateArticle>
{
    public CreateArticleValidator() => RuleFor(c => c.Input).SetValidator(new ArticleInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class CreateArticleHandler(
    IArticleRepository articles,
    IArticleQueries queries,
    ArticleWriting writing,
    ICurrentUser currentUser,
    IUnitOfWork unitOfWork) : ICommandHandler<CreateArticle, AdminArticleResponse>
{
    public async ValueTask<AdminArticleResponse> Handle(CreateArticle command, CancellationToken cancellationToken)
    {
        var (content, tagNames) = await writing.ResolveAsync(command.Input, cancellationToken);
        var slug = await writing.ChooseSlugAsync(command.Input.Slug, content.Title, null, null, cancellationToken);
        var article = Article.CreateDraft(Guid.CreateVersion7(), slug, content, writing.Render(content.Body), currentUser.RequireUserId(), writing.Now);
        articles.Add(article);
        await writing.RecordRevisionAsync(article, "created", [], tagNames, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return (await queries.GetAdminAsync(article.Id, cancellationToken))!;
    }
}
