using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Api.Feeds;
using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Feeds;

namespace Newsroom.Api.Endpoints;

/// <summary>Sitemaps for search engines, at the root where crawlers look for them; not part of the JSON API's contract.</summary>
public static class SitemapsEndpoints
{
    private const string ContentType = SitemapXml.MediaType + "; charset=utf-8";

    public static IEndpointRouteBuilder MapSitemapsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", Sitemap).PublicRead(CacheKeys.Sitemap, CacheKeys.List).ExcludeFromDescription();
        app.MapGet("/sitemap-news.xml", NewsSitemap).PublicRead(CacheKeys.Sitemap, CacheKeys.List).ExcludeFromDescription();
        return app;
    }

    private static async Task<FileStreamHttpResult> Sitemap(ISender sender, CancellationToken ct) =>
        TypedResults.Stream(SitemapXml.Sitemap(await sender.Send(new GetSitemap(), ct)), ContentType);

    private static async Task<FileStreamHttpResult> NewsSitemap(ISender sender, CancellationToken ct) =>
        TypedResults.Stream(SitemapXml.News(await sender.Send(new GetNewsSitemap(), ct)), ContentType);
}
