using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Tags;

namespace Newsroom.Api.Endpoints;

/// <summary>Public reads of the tags readers can browse.</summary>
public static class TagsEndpoints
{
    public static IEndpointRouteBuilder MapTagsEndpoints(this IEndpointRouteBuilder api)
    {
        var tags = api.MapGroup("/tags").WithTags("Tags").PublicRead(CacheKeys.List);
        tags.MapGet("/", ListTags)
            .WithName("ListTags").WithSummary("Tags with public articles, most used first, then by name.")
            .WithDescription("Only published articles (and scheduled ones whose time has come) are counted; a tag with none is left out. `limit` is 1–200, 100 by default.")
            .ProducesValidationProblem();
        tags.MapGet("/{slug}", GetTagBySlug)
            .WithName("GetTagBySlug").WithSummary("One tag by slug, with its count of public articles.")
            .WithDescription("A tag that only drafts carry is a 404, like an unknown one.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="limit">How many tags, 1–200 (default 100).</param>
    /// <param name="sender">The mediator.</param>
    /// <param name="ct">The request's cancellation.</param>
    private static async Task<Ok<IReadOnlyList<PublicTagResponse>>> ListTags(int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPublicTags(limit), ct));

    private static async Task<Ok<PublicTagResponse>> GetTagBySlug(string slug, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTagBySlug(slug), ct));
}
