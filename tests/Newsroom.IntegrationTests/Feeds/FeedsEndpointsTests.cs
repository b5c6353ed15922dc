using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Newsroom.Domain;

namespace Newsroom.IntegrationTests.Feeds;

/// <summary>RSS 2.0 and Atom 1.0 feeds, read back with the standard parser as a feed reader would.</summary>
public sealed class FeedsEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private const string BaseUrl = "https://www.exemple-mobile.fr";
    private const string FrenchTitle = "Œuvres « libres » : l’été des éditeurs à Besançon";

    public static TheoryData<string, string> Formats => new()
    {
        { "/api/v1/feeds/rss", "application/rss+xml" },
        { "/api/v1/feeds/atom", "application/atom+xml" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_feed_carries_published_articles_with_absolute_links_and_French_text_intact(string path, string mediaType)
    {
        var (article, author) = await PublishThroughTheApiAsync(FrenchTitle);

        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var feed = Load(bytes);
        Assert.Equal("fr", feed.Language);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.AbsolutePath == path);
        var item = Assert.Single(feed.Items, i => i.Id == $"urn:uuid:{article.Id()}");
        Assert.Equal(FrenchTitle, item.Title.Text);
        Assert.Equal(new Uri($"{BaseUrl}/technologies/{article.GetProperty("slug").GetString()}"), Assert.Single(item.Links).Uri);
        Assert.Equal(author, Assert.Single(item.Authors).Name);
        Assert.Equal(["Technologies", "Intelligence artificielle", "Meta"], item.Categories.Select(c => c.Name));
        Assert.Equal(article.GetProperty("standfirst").GetString(), item.Summary.Text);
        var content = BodyHtml(item);
        Assert.Contains("venus d’OpenAI", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", content, StringComparison.Ordinal);
        Assert.NotEqual(default, item.PublishDate);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Drafts_articles_scheduled_later_and_withdrawn_articles_never_appear(string path, string mediaType)
    {
        _ = mediaType;
        var author = await api.InsertAuthorAsync("Camille Roussel");
        var visible = new[] { await api.InsertArticleAsync(SeededState.Published, [author]), await api.InsertArticleAsync(SeededState.ScheduledAndDue, [author]) };
        var hidden = new[]
        {
            await api.InsertArticleAsync(SeededState.Draft, [author]),
            await api.InsertArticleAsync(SeededState.ScheduledLater, [author]),
            await api.InsertArticleAsync(SeededState.Withdrawn, [author]),
        };

        var ids = (await GetFeedAsync(path)).Items.Select(i => i.Id).ToList();

        Assert.All(visible, id => Assert.Contains($"urn:uuid:{id}", ids));
        Assert.All(hidden, id => Assert.DoesNotContain($"urn:uuid:{id}", ids));
    }

    [Fact]
    public async Task A_feed_holds_the_latest_50_articles_newest_first()
    {
        var author = await api.InsertAuthorAsync("Inès Garnier");
        for (var i = 0; i < 52; i++)
        {
            await api.InsertArticleAsync(SeededState.Published, [author]);
        }

        var items = (await GetFeedAsync("/api/v1/feeds/atom")).Items.ToList();

        Assert.Equal(50, items.Count);
        Assert.Equal(items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), items.Select(i => i.Id));
    }

    [Fact]
    public async Task Section_and_tag_filter_the_feed_and_together_keep_articles_that_have_both()
    {
        var author = await api.InsertAuthorAsync("Yann Le Goff");
        var tagName = "Vélos cargo " + Guid.NewGuid().ToString("N")[..6];
        var tag = await api.EnsureTagsAsync(tagName);
        var tagged = await api.InsertArticleAsync(SeededState.Published, [author], tag);
        var untagged = await api.InsertArticleAsync(SeededState.Published, [author]);
        var (business, _) = await PublishThroughTheApiAsync("Le commerce mobile au premier semestre", ArticleFixtures.Business);

        var byTag = await IdsAsync($"/api/v1/feeds/rss?tag={Slug.From(tagName)}");
        var bySection = await IdsAsync("/api/v1/feeds/rss?section=business");
        var byBoth = await IdsAsync($"/api/v1/feeds/atom?section=technologies&tag={Slug.From(tagName)}");
        var byOtherSectionAndTag = await IdsAsync($"/api/v1/feeds/atom?section=business&tag={Slug.From(tagName)}");

        Assert.Equal([$"urn:uuid:{tagged}"], byTag);
        Assert.Equal([$"urn:uuid:{business.Id()}"], bySection);
        Assert.DoesNotContain($"urn:uuid:{untagged}", bySection);
        Assert.Equal([$"urn:uuid:{tagged}"], byBoth);
        Assert.Empty(byOtherSectionAndTag);
    }

    [Theory]
    [InlineData("/api/v1/feeds/rss?section=inconnue")]
    [InlineData("/api/v1/feeds/atom?tag=inconnu")]
    public async Task An_unknown_section_or_tag_is_a_404_problem(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_tag_used_only_by_drafts_is_a_404_so_drafts_do_not_leak()
    {
        var tagName = "Projet secret " + Guid.NewGuid().ToString("N")[..6];
        await api.InsertArticleAsync(SeededState.Draft, [await api.InsertAuthorAsync("Hugo Marchal")], await api.EnsureTagsAsync(tagName));

        var response = await api.CreateClient().GetAsync($"/api/v1/feeds/rss?tag={Slug.From(tagName)}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("section")]
    [InlineData("tag")]
    public async Task A_slug_too_long_or_with_control_characters_is_a_400_problem(string parameter)
    {
        var client = api.CreateClient();

        foreach (var slug in new[] { new string('a', 201), "tech%0Anologies" })
        {
            var problem = await (await client.GetAsync($"/api/v1/feeds/atom?{parameter}={slug}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
            Assert.NotEmpty(problem.FieldErrors(parameter));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_feed_is_publicly_cacheable_and_answers_304_to_its_ETag(string path, string mediaType)
    {
        _ = mediaType;
        await api.InsertArticleAsync(SeededState.Published, [await api.InsertAuthorAsync("Nora Benali")]);
        var client = api.CreateClient();

        var first = await client.GetAsync(path);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, path);
        revalidation.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.Tag);
        var second = await client.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("public", first.CacheControl(), StringComparison.Ordinal);
        Assert.False(first.Headers.ETag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    private async Task<(JsonElement Article, string AuthorName)> PublishThroughTheApiAsync(string title, Guid? sectionId = null)
    {
        const string authorName = "Élodie Lefèvre";
        var admin = await api.CreateAdminClientAsync();
        var body = ArticleFixtures.Body(await api.CreateAuthorAsync(authorName), title);
        body["sectionId"] = sectionId ?? ArticleFixtures.Technologies;
        var article = await admin.CreateArticleAsync(body);
        var published = await admin.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return (article, authorName);
    }

    /// <summary>The HTML body: Atom's content, or RSS's content:encoded (with dc:creator, what RSS readers look for).</summary>
    private static string BodyHtml(SyndicationItem item)
    {
        if (item.Content is TextSyndicationContent content)
        {
            return content.Text;
        }

        Assert.Equal([item.Authors.Single().Name], item.ElementExtensions.ReadElementExtensions<string>("creator", "http://purl.org/dc/elements/1.1/"));
        return Assert.Single(item.ElementExtensions.ReadElementExtensions<string>("encoded", "http://purl.org/rss/1.0/modules/content/"));
    }

    private async Task<SyndicationFeed> GetFeedAsync(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Load(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<string[]> IdsAsync(string path) => (await GetFeedAsync(path)).Items.Select(i => i.Id).ToArray();

    private static SyndicationFeed Load(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return SyndicationFeed.Load(reader);
    }
}
