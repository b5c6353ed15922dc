using FluentValidation;
using Mediator;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

/// <summary>Replaces the editable content. <paramref name="ExpectedVersion"/> comes from If-Match: missing is a 428, stale a 412.</summary>
[RequiresRole(Roles.Admin, Roles.Editor, Roles.Author)]
public sealed record UpdateArticle(Guid Id, uint? ExpectedVersion, ArticleInput Input) : ICommand<AdminArticleResponse>, IRendersArticleBody
{
    public ValueTask<string?> ReadBodyAsync(IArticleQueries queries, CancellationToken cancellationToken) => ValueTask.FromResult(Input.Body);
}

public sealed class UpdateArticleValidator : AbstractValidator<UpdateArticle>
{
    public UpdateArticleValidator() => RuleFor(c => c.Input).SetValidator(new ArticleInputValidator()).OverridePropertyName(string.Empty);
}

public sealed class UpdateArticleHandler(
    IArticleRepository articles,
    IArticleQueries queries,
    ArticleWriting writing,
    ArticleAccess access,
    IUnitOfWork unitOfWork) : ICommandHandler<UpdateArticle, AdminArticleResponse>
{
    public async ValueTask<AdminArticleResponse> Handle(UpdateArticle command, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("article", command.Id);
        await access.EnsureCanEditAsync(article, cancellationToken);
        ArticleVersions.EnsureMatches(article, command.ExpectedVersion);
        articles.ExpectVersion(article, command.ExpectedVersion!.Value);

        var (content, tagNames) = await writing.ResolveAsync(command.Input, cancellationToken);
        var slug = await writing.ChooseSlugAsync(command.Input.Slug, content.Title, article.Id, article.Slug, cancellationToken);
        var changed = article.Edit(slug, content, writing.Render(content.Body), writing.Now);
        if (changed.Count > 0)
        {
            await writing.RecordRevisionAsync(article, "edited", changed, tagNames, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return (await queries.GetAdminAsync(article.Id, cancellationToken))!;
    }
}

/// <summary>The If-Match rules shared by every conditional write.</summary>
public static class ArticleVersions
{
    public static void EnsureMatches(Domain.Articles.Article article, uint? expected)
    {
        if (expected is null)
        {
            throw new PreconditionRequiredProblem("Send the article's current version in If-Match (its ETag) to update it.");
        }

        if (expected.Value != article.Version)
        {
            throw new PreconditionFailedProblem(
                "The article was changed since you read it; reload it and apply your change again.", Format(article.Version));
        }
    }

    public static string Format(uint version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
