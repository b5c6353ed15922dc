using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Authors;

namespace Newsroom.Api.Endpoints;

/// <summary>Public reads of the newsroom's bylines.</summary>
public static class AuthorsEndpoints
{
    public static IEndpointRouteBuilder MapAuthorsEndpoints(this IEndpointRouteBuilder api)
    {
        var authors = api.MapGroup("/authors").WithTags("Authors").PublicRead(CacheKeys.List);
        authors.MapGet("/", ListAuthors)
            .WithName("ListAuthors").WithSummary("The authors of public articles by name, each with how many articles readers can see.")
            .WithDescription("An author with no published article (or none whose scheduled time has come) is left out.");
        authors.MapGet("/{slug}", GetAuthorBySlug)
            .WithName("GetAuthorBySlug").WithSummary("One author's public profile by slug.")
            .WithDescription("An author with no public article is a 404, like an unknown one.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PublicAuthorResponse>>> ListAuthors(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPublicAuthors(), ct));

    private static async Task<Ok<PublicAuthorResponse>> GetAuthorBySlug(string slug, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAuthorBySlug(slug), ct));
}
