using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Reading;

/// <summary>The readers' article list and article page: published content only, with related articles, navigation and redirects.</summary>
public sealed class ArticlesEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static readonly DateTimeOffset Base = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task<string?> DetailAsync(string url) =>
        (await (await api.CreateClient().GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found")).GetProperty("detail").GetString();

    private static string[] Slugs(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!).ToArray();

    [Fact]
    public async Task The_list_shows_only_published_articles_newest_first_as_summaries()
    {
        var author = await api.CreateAuthorAsync("Liste Publique");
        var tags = await api.EnsureTagsAsync("Liste publique zèbre");
        var older = await api.InsertPublishedAsync("Plus ancien", Base, author, tagIds: tags);
        var newer = await api.InsertPublishedAsync("Plus récent", Base.AddDays(1), author, tagIds: tags);
        await api.InsertArticleAsync(SeededState.Draft, [author], tags);
        await api.InsertArticleAsync(SeededState.ScheduledLater, [author], tags);
        await api.InsertArticleAsync(SeededState.Withdrawn, [author], tags);

        var page = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/articles?tag=liste-publique-zebre");

        Assert.Equal([newer.Slug, older.Slug], Slugs(page));
        var first = page.GetProperty("items")[0];
        Assert.Equal(
            ["id", "slug", "title", "standfirst", "section", "tags", "authors", "publishedAt", "updatedAt", "readingTimeMinutes", "coverImage"],
            first.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("technologies", first.GetProperty("section").GetProperty("slug").GetString());
        Assert.Equal("2024-03-02T09:00:00Z", first.GetProperty("publishedAt").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Lists_filter_by_section_author_and_dates_and_page_with_a_cursor()
    {
        var author = await api.CreateAuthorAsync("Pagination Lecteur");
        var inserted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            inserted.Add((await api.InsertPublishedAsync($"Paginé {i}", Base.AddDays(10 + i), author, sectionId: ArticleFixtures.Business)).Slug);
        }

        // Readers know an author through their public articles only.
        var authorSlug = (await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/authors")).EnumerateArray()
            .First(a => a.GetProperty("name").GetString() == "Pagination Lecteur").GetProperty("slug").GetString();

        var client = api.CreateClient();
        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles?author={authorSlug}&limit=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles?author={authorSlug}&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var third = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles?author={authorSlug}&limit=2&cursor={second.GetProperty("nextCursor").GetString()}");
        Assert.Equal(Enumerable.Reverse(inserted), Slugs(first).Concat(Slugs(second)).Concat(Slugs(third)));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);

        var ranged = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles?author={authorSlug}&section=business&from=2024-03-12T00:00:00Z&to=2024-03-13T23:59:59Z");
        Assert.Equal([inserted[2], inserted[1]], Slugs(ranged));
    }

    [Fact]
    public async Task Unknown_filters_are_404_and_bad_parameters_400()
    {
        var client = api.CreateClient();

        await (await client.GetAsync("/api/v1/articles?section=nulle-part")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.GetAsync("/api/v1/articles?tag=nulle-part")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.GetAsync("/api/v1/articles?author=personne")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        // Several filters: the first unknown one, in the order section, tag, author, is named.
        Assert.Equal("No section matches 'nulle-part'.", await DetailAsync("/api/v1/articles?section=nulle-part&tag=nulle-part"));
        Assert.Equal("No tag matches 'nulle-part'.", await DetailAsync("/api/v1/articles?section=technologies&tag=nulle-part&author=personne"));
        Assert.Equal("No author matches 'personne'.", await DetailAsync("/api/v1/articles?section=technologies&author=personne"));
        await (await client.GetAsync("/api/v1/articles?limit=51")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/articles?limit=dix")).AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        await (await client.GetAsync("/api/v1/articles?from=hier")).AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        await (await client.GetAsync("/api/v1/articles?cursor=AAAA")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/articles?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync($"/api/v1/articles/{new string('a', 201)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/articles/bad%01slug")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/articles?unknownParameter=1")).StatusCode);
    }

    [Fact]
    public async Task The_article_page_has_body_sources_related_and_navigation()
    {
        var author = await api.CreateAuthorAsync("Page Article");
        var shared = await api.EnsureTagsAsync("Page article partagé", "Page article second");
        var before = await api.InsertPublishedAsync("Navigation avant", Base.AddYears(1), author, tagIds: [shared[0]]);
        var page = await api.InsertPublishedAsync("Navigation centre", Base.AddYears(1).AddHours(1), author, tagIds: shared);
        var after = await api.InsertPublishedAsync("Navigation après", Base.AddYears(1).AddHours(2), author, sectionId: ArticleFixtures.Business, tagIds: shared);
        var hidden = await api.InsertArticleAsync(SeededState.Draft, [author], shared);

        var article = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/articles/{page.Slug}");

        Assert.Equal("<p>Le corps de « Navigation centre ».</p>", article.GetProperty("bodyHtml").GetString());
        Assert.Equal("AFP", article.GetProperty("sources")[0].GetProperty("name").GetString());
        Assert.Equal(before.Slug, article.GetProperty("previous").GetProperty("slug").GetString());
        Assert.Equal(after.Slug, article.GetProperty("next").GetProperty("slug").GetString());
        var related = article.GetProperty("related").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(after.Id.ToString(), related[0]);
        Assert.Contains(before.Id.ToString(), related);
        Assert.DoesNotContain(page.Id.ToString(), related);
        Assert.DoesNotContain(hidden.ToString(), related);
        Assert.True(related.Count <= 6);

        var inSection = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/articles/{page.Slug}?navigation=section");
        Assert.NotEqual(after.Slug, inSection.GetProperty("next").ValueKind == JsonValueKind.Null ? null : inSection.GetProperty("next").GetProperty("slug").GetString());
        await (await api.CreateClient().GetAsync($"/api/v1/articles/{page.Slug}?navigation=ailleurs")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Editors_picks_come_first_in_related_articles()
    {
        var author = await api.CreateAuthorAsync("Choix Rédaction");
        var page = await api.InsertPublishedAsync("Article avec choix", Base.AddYears(2), author);
        var pick = await api.InsertPublishedAsync("Choix sans rapport", Base.AddYears(-1), author, sectionId: ArticleFixtures.Business);
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        // Read once first: the picks must also drop the page from the server cache.
        var before = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/articles/{page.Slug}");
        Assert.DoesNotContain(before.GetProperty("related").EnumerateArray(), r => r.GetProperty("id").GetGuid() == pick.Id);

        var set = await editor.PutAsJsonAsync($"/api/v1/admin/articles/{page.Id}/related", new { articleIds = new[] { pick.Id } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var article = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/articles/{page.Slug}");
        Assert.Equal(pick.Id.ToString(), article.GetProperty("related")[0].GetProperty("id").GetString());

        var self = await editor.PutAsJsonAsync($"/api/v1/admin/articles/{page.Id}/related", new { articleIds = new[] { page.Id } });
        await self.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var unknown = await editor.PutAsJsonAsync($"/api/v1/admin/articles/{page.Id}/related", new { articleIds = new[] { Guid.NewGuid() } });
        Assert.NotEmpty((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("articleIds[0]"));
        var author2 = await api.CreateClientAsAsync(Roles.Author);
        await (await author2.PutAsJsonAsync($"/api/v1/admin/articles/{page.Id}/related", new { articleIds = Array.Empty<Guid>() })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Unpublished_articles_are_404_never_403()
    {
        var author = await api.CreateAuthorAsync("Invisible");
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(author, title: "Brouillon invisible aux lecteurs"));

        var response = await api.CreateClient().GetAsync($"/api/v1/articles/{draft.GetProperty("slug").GetString()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Old_slugs_and_accent_or_case_variants_redirect_permanently_to_the_canonical_url()
    {
        var author = await api.CreateAuthorAsync("Redirection");
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var created = await editor.CreateArticleAsync(ArticleFixtures.Body(author, title: "Stratégie Meta", slug: "strategie-meta"));
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{created.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        await editor.PutArticleAsync(created.Id(), ArticleFixtures.Body(author, title: "Stratégie de Meta", slug: "la-strategie-de-meta"), published.ETag());
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var old = await client.GetAsync("/api/v1/articles/strategie-meta");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/api/v1/articles/la-strategie-de-meta", old.Headers.Location?.ToString());

        var variant = await client.GetAsync("/api/v1/articles/La-Stratégie-De-Meta");
        Assert.Equal(HttpStatusCode.MovedPermanently, variant.StatusCode);
        Assert.Equal("/api/v1/articles/la-strategie-de-meta", variant.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/articles/la-strategie-de-meta")).StatusCode);
    }
}
