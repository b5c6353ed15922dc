using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Api.Http;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// Which endpoints are public reads (cached, validated, public in Cache-Control) is their own metadata: every GET of
/// the public API and the sitemaps carries it, no admin or authentication endpoint does.
/// </summary>
public sealed class PublicReadEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    /// <summary>The rule by path prefixes that the metadata replaced (segment-wise: /api/v1/authors is not under /api/v1/auth).</summary>
    private static bool IsPublicPath(PathString route) =>
        (route.StartsWithSegments("/api/v1") || route.StartsWithSegments("/sitemap.xml") || route.StartsWithSegments("/sitemap-news.xml"))
        && !route.StartsWithSegments("/api/v1/admin")
        && !route.StartsWithSegments("/api/v1/auth");

    [Fact]
    public void Every_public_GET_and_only_those_is_marked_as_a_public_read()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Marked: e.Metadata.GetMetadata<PublicCaching.PublicReadMetadata>() is not null,
                Get: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true))
            .ToList();

        var wrong = endpoints.Where(e => e.Marked != (e.Get && IsPublicPath(e.Route))).Select(e => $"{e.Route} (marked: {e.Marked}, GET: {e.Get})").ToList();

        Assert.Empty(wrong);
        Assert.True(endpoints.Count(e => e.Marked) >= 15, "the public GETs were not found");
    }
}
