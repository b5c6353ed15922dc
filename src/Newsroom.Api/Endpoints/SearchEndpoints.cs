using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Search;

namespace Newsroom.Api.Endpoints;

/// <summary>"Recherche": French full-text search of published articles, and completions while typing.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder api)
    {
        var search = api.MapGroup("/search").WithTags("Search").PublicRead(CacheKeys.Search).RequireRateLimiting(RateLimits.Search);
        search.MapGet("/", Search)
            .WithName("SearchArticles").WithSummary("Searches published articles: stemming, accents, \"phrases\", -exclusions, OR, typo suggestions.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        search.MapGet("/suggest", Suggest)
            .WithName("SuggestSearches").WithSummary("Up to 8 completions of the last word typed (tags, authors, words of titles).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Ok<SearchResponse>> Search(
        ISender sender, CancellationToken ct,
        [FromQuery] string? q = null, [FromQuery] string? section = null, [FromQuery] string? tag = null, [FromQuery] string? author = null,
        [FromQuery] DateTimeOffset? from = null, [FromQuery] DateTimeOffset? to = null, [FromQuery] int? limit = null, [FromQuery] int? offset = null) =>
        TypedResults.Ok(await sender.Send(new SearchArticles(q, section, tag, author, from, to, limit, offset), ct));

    private static async Task<Ok<IReadOnlyList<string>>> Suggest(ISender sender, CancellationToken ct, [FromQuery] string? q = null) =>
        TypedResults.Ok(await sender.Send(new SuggestSearches(q), ct));
}
