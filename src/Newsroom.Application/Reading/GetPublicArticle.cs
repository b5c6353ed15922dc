using FluentValidation;
using Mediator;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain;

namespace Newsroom.Application.Reading;

/// <summary>The article page, or where it moved: either <see cref="Article"/> or <see cref="RedirectToSlug"/> is set.</summary>
public sealed record ArticlePage(PublicArticleResponse? Article, string? RedirectToSlug);

/// <summary>One published article by slug, with related articles and previous/next links.</summary>
public sealed record GetPublicArticle(string Slug, string? Navigation) : IQuery<ArticlePage>
{
    public Navigation NavigationMode => string.Equals(Navigation, "section", StringComparison.OrdinalIgnoreCase) ? Reading.Navigation.Section : Reading.Navigation.Site;
}

public sealed class GetPublicArticleValidator : AbstractValidator<GetPublicArticle>
{
    public GetPublicArticleValidator()
    {
        RuleFor(q => q.Slug).PublicSlug();
        RuleFor(q => q.Navigation).Must(n => n is null || n.Equals("site", StringComparison.OrdinalIgnoreCase) || n.Equals("section", StringComparison.OrdinalIgnoreCase))
            .WithMessage("must be 'site' or 'section'.");
    }
}

public sealed class GetPublicArticleHandler(IPublicQueries queries, TimeProvider clock) : IQueryHandler<GetPublicArticle, ArticlePage>
{
    /// <summary>
    /// Old slugs and spellings that differ only by accents or case ("Stratégie-Meta") redirect to the canonical slug,
    /// so readers' links and typed URLs keep working; anything not public is a 404, never a hint that it exists.
    /// </summary>
    public async ValueTask<ArticlePage> Handle(GetPublicArticle query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var article = await queries.GetBySlugAsync(query.Slug, query.NavigationMode, now, cancellationToken);
        if (article is not null)
        {
            return new ArticlePage(article, null);
        }

        var canonical = Slug.From(query.Slug, 200);
        if (canonical.Length > 0 && canonical != query.Slug && await queries.GetBySlugAsync(canonical, query.NavigationMode, now, cancellationToken) is not null)
        {
            return new ArticlePage(null, canonical);
        }

        var moved = await queries.CurrentSlugOfAsync(canonical.Length > 0 ? canonical : query.Slug, now, cancellationToken);
        return moved is not null ? new ArticlePage(null, moved) : throw NotFoundProblem.For("article", query.Slug);
    }
}
