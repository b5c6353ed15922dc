using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Feeds;

/// <summary>The sitemap and the Google News sitemap, parsed as XML as a crawler would.</summary>
public sealed class SitemapsEndpointsTests(SitemapsEndpointsTests.Factory api) : IClassFixture<SitemapsEndpointsTests.Factory>
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string BaseUrl = "https://www.exemple-mobile.fr";

    /// <summary>The clock stands still, so "the last 48 hours" is exact.</summary>
    public sealed class Factory : NewsroomApiFactory
    {
        protected override bool UseFakeClock => true;
    }

    [Fact]
    public async Task The_sitemap_lists_public_articles_with_lastmod_and_the_section_pages_only()
    {
        var author = await api.InsertAuthorAsync("Lucie Perrin");
        var published = await api.InsertArticleAsync(SeededState.Published, [author]);
        var hidden = new[]
        {
            await api.InsertArticleAsync(SeededState.Draft, [author]),
            await api.InsertArticleAsync(SeededState.ScheduledLater, [author]),
            await api.InsertArticleAsync(SeededState.Withdrawn, [author]),
        };

        var (response, document) = await GetAsync("/sitemap.xml");

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);
        var article = urls[$"{BaseUrl}/technologies/article-{published:N}"];
        Assert.True(DateTimeOffset.TryParse(article, out _), $"lastmod '{article}' is not a date");
        Assert.Contains($"{BaseUrl}/technologies", urls.Keys);
        Assert.Contains($"{BaseUrl}/revue-de-web", urls.Keys);
        Assert.All(hidden, id => Assert.DoesNotContain(urls.Keys, loc => loc.Contains(id.ToString("N"), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_news_sitemap_lists_only_public_articles_of_the_last_48_hours()
    {
        var author = await api.InsertAuthorAsync("Marc Aubert");
        var recent = await api.InsertArticleAsync(SeededState.Published, [author]);
        var almostTwoDays = await api.InsertArticleAsync(SeededState.Published, [author]);
        var older = await api.InsertArticleAsync(SeededState.Published, [author]);
        var draft = await api.InsertArticleAsync(SeededState.Draft, [author]);
        await PublishedAgoAsync(almostTwoDays, TimeSpan.FromHours(47));
        await PublishedAgoAsync(older, TimeSpan.FromHours(49));

        var (_, document) = await GetAsync("/sitemap-news.xml");

        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value);
        Assert.Contains($"{BaseUrl}/technologies/article-{almostTwoDays:N}", urls.Keys);
        Assert.DoesNotContain($"{BaseUrl}/technologies/article-{older:N}", urls.Keys);
        Assert.DoesNotContain($"{BaseUrl}/technologies/article-{draft:N}", urls.Keys);
        var news = urls[$"{BaseUrl}/technologies/article-{recent:N}"].Element(News + "news")!;
        Assert.Equal("Newsroom Mobile", news.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("fr", news.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("Un titre", news.Element(News + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(news.Element(News + "publication_date")!.Value, out var date) && date <= api.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_sitemap_is_publicly_cacheable_and_answers_304_to_its_ETag()
    {
        var client = api.CreateClient();

        var first = await client.GetAsync("/sitemap.xml");
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml");
        revalidation.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);

        Assert.StartsWith("public", first.CacheControl(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidation)).StatusCode);
    }

    private async Task<(HttpResponseMessage Response, XDocument Document)> GetAsync(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Moves an article's publication back in time, behind the API's back, and drops cached public reads.</summary>
    private async Task PublishedAgoAsync(Guid articleId, TimeSpan ago)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var publishedAt = api.Clock.GetUtcNow() - ago;
        await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Database
            .ExecuteSqlAsync($"UPDATE articles SET published_at = {publishedAt}, first_published_at = {publishedAt} WHERE id = {articleId}");
        await scope.ServiceProvider.GetRequiredService<IContentChangeNotifier>().ContentChangedAsync(Newsroom.Application.Common.Abstractions.PublicChange.Everything, CancellationToken.None);
    }
}
