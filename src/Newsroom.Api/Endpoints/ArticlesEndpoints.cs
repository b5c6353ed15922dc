using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Api.Http;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Reading;

namespace Newsroom.Api.Endpoints;

/// <summary>What readers' front-ends call on every page view: published articles only, cacheable.</summary>
public static class ArticlesEndpoints
{
    public static IEndpointRouteBuilder MapArticlesEndpoints(this IEndpointRouteBuilder api)
    {
        var articles = api.MapGroup("/articles").WithTags("Articles").PublicRead();
        articles.MapGet("/", List)
            .WithName("ListArticles").WithSummary("Published articles, newest first; filter by section, tag, author and date range.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapGet("/{slug}", GetBySlug)
            .WithName("GetArticleBySlug").WithSummary("The article page: body, sources, related articles, previous and next.")
            .WithDescription("An old slug, or one differing only by accents or case, answers 301 with the canonical URL in Location.")
            .Produces(StatusCodes.Status301MovedPermanently)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var archives = api.MapGroup("/archives").WithTags("Archives").PublicRead(CacheKeys.List);
        archives.MapGet("/", ListArchives)
            .WithName("ListArchives").WithSummary("Months with published articles and their counts, newest first (Europe/Paris months).");
        archives.MapGet("/{year}/{month}", ListArchiveMonth)
            .WithName("ListArchiveMonth").WithSummary("The published articles of one month, paged like the list.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<CursorPage<PublicArticleSummary>>> List(
        ISender sender, CancellationToken ct,
        [FromQuery] string? section = null, [FromQuery] string? tag = null, [FromQuery] string? author = null,
        [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null, [FromQuery] int? limit = null, [FromQuery] string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListPublicArticles(section, tag, author, from, to, limit, cursor), ct));

    /// <param name="slug">The article's slug.</param>
    /// <param name="sender">The mediator.</param>
    /// <param name="ct">Request cancellation.</param>
    /// <param name="navigation">"section" keeps previous/next within the article's section; default: the whole site.</param>
    private static async Task<Results<Ok<PublicArticleResponse>, RedirectHttpResult>> GetBySlug(
        string slug, ISender sender, CancellationToken ct, [FromQuery] string? navigation = null)
    {
        var page = await sender.Send(new GetPublicArticle(slug, navigation), ct);
        return page.Article is not null
            ? TypedResults.Ok(page.Article)
            : TypedResults.Redirect($"/api/v1/articles/{Uri.EscapeDataString(page.RedirectToSlug!)}", permanent: true);
    }

    private static async Task<Ok<IReadOnlyList<ArchiveMonth>>> ListArchives(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListArchives(), ct));

    private static async Task<Ok<CursorPage<PublicArticleSummary>>> ListArchiveMonth(
        int year, int month, ISender sender, CancellationToken ct, [FromQuery] int? limit = null, [FromQuery] string? cursor = null) =>
        TypedResults.Ok(await sender.Send(new ListArchiveMonth(year, month, limit, cursor), ct));
}
