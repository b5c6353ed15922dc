using FluentValidation;
using Mediator;
using Newsroom.Application.Common.Authorization;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain.Users;

namespace Newsroom.Application.Articles;

/// <summary>The editors' picks for "À lire également" (Editor+): up to 6 articles, shown in this order before computed matches.</summary>
[RequiresRole(Roles.Admin, Roles.Editor)]
public sealed record SetRelatedArticles(Guid Id, IReadOnlyList<Guid>? ArticleIds) : ICommand<IReadOnlyList<Guid>>;

public sealed class SetRelatedArticlesValidator : AbstractValidator<SetRelatedArticles>
{
    public SetRelatedArticlesValidator()
    {
        RuleFor(c => c.ArticleIds).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("is required (send [] to clear the picks).")
            .Must(ids => ids!.Count <= 6).WithMessage("must name at most 6 articles.")
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage("must not name an article twice.")
            .Must((c, ids) => !ids!.Contains(c.Id)).WithMessage("must not name the article itself.");
    }
}

public sealed class SetRelatedArticlesHandler(IArticleRepository articles, IRelatedPicks picks) : ICommandHandler<SetRelatedArticles, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(SetRelatedArticles command, CancellationToken cancellationToken)
    {
        _ = await articles.FindAsync(command.Id, cancellationToken) ?? throw NotFoundProblem.For("article", command.Id);
        var ids = command.ArticleIds!;
        var missing = await picks.UnknownArticleIdsAsync(ids, cancellationToken);
        if (missing.Count > 0)
        {
            throw new ValidationFailedProblem(missing.ToDictionary(id => $"articleIds[{ids.ToList().IndexOf(id)}]", id => new[] { $"no article has the id {id}." }));
        }

        await picks.ReplaceAsync(command.Id, ids, cancellationToken);
        return ids;
    }
}

public interface IRelatedPicks
{
    Task<IReadOnlyList<Guid>> UnknownArticleIdsAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);

    Task ReplaceAsync(Guid articleId, IReadOnlyList<Guid> relatedIds, CancellationToken cancellationToken);
}
