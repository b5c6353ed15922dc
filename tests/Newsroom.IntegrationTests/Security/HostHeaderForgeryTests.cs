using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 11 (b, c): a forged Host header went into the feeds' self link and id, so a cache in front of the API
/// could hand readers feeds pointing anywhere. Every absolute URL now comes from Site:PublicBaseUrl, and in Production
/// the API only answers for the public base URL's host (or the hosts AllowedHosts names), health probes excepted.
/// </summary>
public sealed class HostHeaderForgeryTests(NewsroomApiFactory api, ApiProcess production, HostHeaderForgeryTests.ApiOnItsOwnHost ownHost)
    : IClassFixture<NewsroomApiFactory>, IClassFixture<ApiProcess>, IClassFixture<HostHeaderForgeryTests.ApiOnItsOwnHost>
{
    private const string BaseUrl = "https://www.exemple-mobile.fr";

    /// <summary>An API served on a host of its own, said explicitly.</summary>
    public sealed class ApiOnItsOwnHost : ApiProcess
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["AllowedHosts"] = "api.exemple-mobile.fr" };
    }

    private HttpClient ForgedHostClient() => api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example:8443") });

    [Theory]
    [InlineData("/api/v1/feeds/rss")]
    [InlineData("/api/v1/feeds/atom")]
    public async Task A_forged_Host_never_reaches_a_feeds_self_link_or_id(string path)
    {
        await PublishTaggedArticleAsync();

        var feed = await FeedAsync(ForgedHostClient(), path + "?utm_source=evil&tag=meta&section=technologies");

        var canonical = $"{BaseUrl}{path}?section=technologies&tag=meta";
        Assert.Equal(new Uri(canonical), Assert.Single(feed.Links, l => l.RelationshipType == "self").Uri);
        Assert.Equal(canonical, feed.Id);
    }

    [Fact]
    public async Task A_forged_Host_never_reaches_a_sitemap()
    {
        await PublishTaggedArticleAsync();

        foreach (var path in new[] { "/sitemap.xml", "/sitemap-news.xml" })
        {
            var document = XDocument.Parse(await ForgedHostClient().GetStringAsync(path));
            var locations = document.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => l.Value).ToList();
            Assert.NotEmpty(locations);
            Assert.All(locations, l => Assert.StartsWith(BaseUrl + "/", l, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task In_production_a_request_for_an_unknown_host_is_refused()
    {
        var forged = await production.CreateClient().SendAsync(WithHost("/api/v1/site", "evil.example"));
        var genuine = await production.CreateClient().SendAsync(WithHost("/api/v1/site", "www.exemple-mobile.fr"));

        await forged.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_probes_are_answered_whatever_Host_they_name(string path)
    {
        var probe = await production.CreateClient().SendAsync(WithHost(path, "10.12.0.7:8080"));

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task An_explicit_AllowedHosts_setting_wins_over_the_public_base_url()
    {
        var ownHostAnswer = await ownHost.CreateClient().SendAsync(WithHost("/api/v1/site", "api.exemple-mobile.fr"));
        var publicSiteHost = await ownHost.CreateClient().SendAsync(WithHost("/api/v1/site", "www.exemple-mobile.fr"));

        Assert.Equal(HttpStatusCode.OK, ownHostAnswer.StatusCode);
        await publicSiteHost.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }

    private static HttpRequestMessage WithHost(string path, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return request;
    }

    private async Task PublishTaggedArticleAsync()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await api.CreateAuthorAsync("Rémi Caron " + Guid.NewGuid().ToString("N")[..4]);
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(author, title: "Meta et l’IA : le grand recrutement " + Guid.NewGuid().ToString("N")[..6]));
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null)).StatusCode);
    }

    private static async Task<SyndicationFeed> FeedAsync(HttpClient client, string pathAndQuery)
    {
        var response = await client.GetAsync(pathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }
}
