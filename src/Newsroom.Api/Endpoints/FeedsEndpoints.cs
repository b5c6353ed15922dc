using Mediator;
using Microsoft.AspNetCore.Mvc;
using Newsroom.Api.Feeds;
using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Feeds;
using Newsroom.Application.Site;

namespace Newsroom.Api.Endpoints;

/// <summary>RSS 2.0 and Atom 1.0 feeds of the latest published articles, for feed readers and aggregators.</summary>
public static class FeedsEndpoints
{
    private const string RssPath = "/api/v1/feeds/rss";
    private const string AtomPath = "/api/v1/feeds/atom";
    private const string Filters = "Optional `section` or `tag` slug; both together keep the articles that have both. Unknown slug: 404.";

    public static IEndpointRouteBuilder MapFeedsEndpoints(this IEndpointRouteBuilder api)
    {
        var feeds = api.MapGroup("/feeds").WithTags("Feeds").PublicRead(CacheKeys.Feed);
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

    /// <param name="site">The site, whose public base URL the feed's own URL starts with.</param>
    /// <param name="sender">The mediator.</param>
    /// <param name="ct">Request cancellation.</param>
    /// <param name="section">Only this section's articles (its slug).</param>
    /// <param name="tag">Only articles with this tag (its slug).</param>
    private static async Task<FeedDocument> Rss(
        SiteOptions site, ISender sender, CancellationToken ct, [FromQuery] string? section = null, [FromQuery] string? tag = null)
    {
        var feed = await sender.Send(new GetFeed(section, tag), ct);
        return new FeedDocument(feed, FeedXml.Rss(feed, Self(site, RssPath, section, tag)), FeedXml.RssMediaType + "; charset=utf-8");
    }

    /// <param name="site">The site, whose public base URL the feed's own URL starts with.</param>
    /// <param name="sender">The mediator.</param>
    /// <param name="ct">Request cancellation.</param>
    /// <param name="section">Only this section's articles (its slug).</param>
    /// <param name="tag">Only articles with this tag (its slug).</param>
    private static async Task<FeedDocument> Atom(
        SiteOptions site, ISender sender, CancellationToken ct, [FromQuery] string? section = null, [FromQuery] string? tag = null)
    {
        var feed = await sender.Send(new GetFeed(section, tag), ct);
        return new FeedDocument(feed, FeedXml.Atom(feed, Self(site, AtomPath, section, tag)), FeedXml.AtomMediaType + "; charset=utf-8");
    }

    /// <summary>
    /// The feed's own URL (rel=self, and its id): the configured public base URL, the feed's path and its filters in a
    /// fixed order. Nothing comes from the request's Host or from query parameters the feed does not know, so a forged
    /// Host or a tracking parameter can neither point readers elsewhere nor give one feed several ids.
    /// </summary>
    private static Uri Self(SiteOptions site, string path, string? section, string? tag)
    {
        var filters = new[] { ("section", section), ("tag", tag) }
            .Where(f => !string.IsNullOrEmpty(f.Item2))
            .Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2!)}")
            .ToList();
        return new Uri(site.PublicBaseUrl.TrimEnd('/') + path + (filters.Count == 0 ? string.Empty : "?" + string.Join('&', filters)));
    }
}
