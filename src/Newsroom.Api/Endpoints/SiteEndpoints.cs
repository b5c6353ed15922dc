using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Sections;
using Newsroom.Application.Site;

namespace Newsroom.Api.Endpoints;

/// <summary>Public reads of the site's frame: identity and sections.</summary>
public static class SiteEndpoints
{
    public static IEndpointRouteBuilder MapSiteEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/site", GetSite).PublicRead(CacheKeys.Site)
            .WithName("GetSite").WithSummary("The site's name, tagline, locale, time zone and navigation.").WithTags("Site");

        var sections = api.MapGroup("/sections").WithTags("Sections").PublicRead(CacheKeys.Site);
        sections.MapGet("/", ListSections)
            .WithName("ListSections").WithSummary("All sections in navigation order.");
        sections.MapGet("/{slug}", GetSectionBySlug)
            .WithName("GetSectionBySlug").WithSummary("One section by its slug.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The site's identity and navigation, for the front-end's frame.</summary>
    private static async Task<Ok<SiteResponse>> GetSite(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSite(), ct));

    private static async Task<Ok<IReadOnlyList<SectionResponse>>> ListSections(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSections(), ct));

    private static async Task<Ok<SectionResponse>> GetSectionBySlug(string slug, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSectionBySlug(slug), ct));
}
