using Mediator;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Api.Feeds;
using Newsroom.Api.Http;
using Newsroom.Application.Feeds;

namespace Newsroom.Api.Endpoints;

/// <summary>RSS 2.0 and Atom 1.0 feeds of the latest published articles, for feed readers and aggregators.</summary>
public static class FeedsEndpoints
{
    private const string Filters = "Optional `section` or `tag` slug; both together keep the articles that have both. Unknown slug: 404.";

    public static IEndpointRouteBuilder MapFeedsEndpoints(this IEndpointRouteBuilder api)
    {
        var feeds = api.MapGroup("/feeds").WithTags("Feeds").CacheOutput(PublicCaching.Policy);
        feeds.MapGet("/rss", Rss)
            .WithName("GetRssFeed").WithSummary("The latest 50 published articles as RSS 2.0.").WithDescription(Filters)
            .Produces<string>(StatusCodes.Status200OK, FeedXml.RssMediaType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        feeds.MapGet("/atom", Atom)
            .WithName("GetAtomFeed").WithSummary("The latest 50 published articles as Atom 1.0.").WithDescription(Filters)
            .Produces<string>(StatusCodes.Status200OK, FeedXml.AtomMediaType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="request">The request, for the feed's own URL.</param>
    /// <param name="sender">The mediator.</param>
    /// <param name="ct">Request cancellation.</param>
    /// <param name="section">Only this section's articles (its slug).</param>
    /// <param name="tag">Only articles with this tag (its slug).</param>
    private static async Task<FileContentHttpResult> Rss(
        HttpRequest request, ISender sender, CancellationToken ct, [FromQuery] string? section = null, [FromQuery] string? tag = null)
    {
        var feed = await sender.Send(new GetFeed(section, tag), ct);
        return TypedResults.File(FeedXml.Rss(feed, Self(request)), FeedXml.RssMediaType + "; charset=utf-8");
    }

    /// <param name="request">The request, for the feed's own URL.</param>
    /// <param name="sender">The mediator.</param>
    /// <param name="ct">Request cancellation.</param>
    /// <param name="section">Only this section's articles (its slug).</param>
    /// <param name="tag">Only articles with this tag (its slug).</param>
    private static async Task<FileContentHttpResult> Atom(
        HttpRequest request, ISender sender, CancellationToken ct, [FromQuery] string? section = null, [FromQuery] string? tag = null)
    {
        var feed = await sender.Send(new GetFeed(section, tag), ct);
        return TypedResults.File(FeedXml.Atom(feed, Self(request)), FeedXml.AtomMediaType + "; charset=utf-8");
    }

    /// <summary>The feed's own URL (rel=self), as the reader asked for it: only the API knows where it is served.</summary>
    private static Uri Self(HttpRequest request) => new(request.GetEncodedUrl());
}
