using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Newsroom.IntegrationTests.Articles;

public sealed class AdminArticlesEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private async Task<(HttpClient Editor, Guid AuthorId)> EditorAsync() =>
        (await api.CreateClientAsAsync(Roles.Editor), await api.CreateAuthorAsync("Claire Dubois"));

    private async Task<int> CountAsync(Func<NewsroomDbContext, Task<int>> count)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>());
    }

    [Fact]
    public async Task Creating_a_draft_renders_the_body_and_answers_201_with_location_and_etag()
    {
        var (editor, authorId) = await EditorAsync();

        var response = await editor.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, title: "Création : la 5G « autonome » d’Orange"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", article.GetProperty("status").GetString());
        Assert.Equal("creation-la-5g-autonome-d-orange", article.GetProperty("slug").GetString());
        Assert.Equal("Création : la 5G « autonome » d’Orange", article.GetProperty("title").GetString());
        Assert.Equal($"/api/v1/admin/articles/{article.Id()}", response.Headers.Location?.ToString());
        Assert.Equal(article.ETag(), response.Headers.ETag?.ToString());
        var html = article.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>recrute</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("rel=\"noopener nofollow\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<", article.GetProperty("bodyText").GetString()!, StringComparison.Ordinal);
        Assert.Equal(1, article.GetProperty("readingTimeMinutes").GetInt32());
        Assert.Equal(["Intelligence artificielle", "Meta"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Equal("AFP", article.GetProperty("sources")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, article.GetProperty("publishedAt").ValueKind);
        Assert.Equal(1, article.GetProperty("revisionCount").GetInt32());
    }

    [Fact]
    public async Task Status_dates_ids_and_creator_cannot_be_set_through_the_body()
    {
        var (editor, authorId) = await EditorAsync();
        var body = ArticleFixtures.Body(authorId, title: "Tentative d’affectation de masse");
        var forcedId = Guid.NewGuid();
        body["id"] = forcedId;
        body["status"] = "published";
        body["publishedAt"] = "2020-01-01T00:00:00Z";
        body["createdBy"] = Guid.NewGuid();

        var article = await editor.CreateArticleAsync(body);

        Assert.NotEqual(forcedId.ToString(), article.Id());
        Assert.Equal("draft", article.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, article.GetProperty("publishedAt").ValueKind);
    }

    [Fact]
    public async Task Slug_collisions_get_a_number_and_a_chosen_slug_that_is_taken_is_a_409()
    {
        var (editor, authorId) = await EditorAsync();
        var first = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Le paiement mobile décolle"));
        var second = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Le paiement mobile décolle"));
        var third = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Le paiement mobile décolle !"));

        Assert.Equal("le-paiement-mobile-decolle", first.GetProperty("slug").GetString());
        Assert.Equal("le-paiement-mobile-decolle-2", second.GetProperty("slug").GetString());
        Assert.Equal("le-paiement-mobile-decolle-3", third.GetProperty("slug").GetString());
        var taken = await editor.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, title: "Autre", slug: "le-paiement-mobile-decolle"));
        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Every_limit_is_a_400_on_its_field_and_nothing_is_written()
    {
        var (editor, authorId) = await EditorAsync();
        var before = await CountAsync(db => db.Articles.CountAsync());
        var body = ArticleFixtures.Body(authorId, title: new string('t', 201));
        body["standfirst"] = new string('s', 601);
        body["body"] = "texte\u0007avec une cloche";
        body["slug"] = "Pas Un Slug";
        body["tags"] = Enumerable.Range(0, 21).Select(i => $"tag {i}").ToArray();
        body["authorIds"] = Array.Empty<Guid>();
        body["sources"] = new[] { new { name = "AFP", url = (string?)"http://non-securise.fr" } };
        body["coverImage"] = new { url = "https://images.exemple.fr/x.jpg", alt = "", credit = (string?)null, caption = (string?)null };

        var response = await editor.PostAsJsonAsync("/api/v1/admin/articles", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        foreach (var field in new[] { "title", "standfirst", "body", "slug", "tags", "authorIds", "sources[0].url", "coverImage.alt" })
        {
            Assert.NotEmpty(problem.FieldErrors(field));
        }

        Assert.Equal(before, await CountAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_section_or_author_is_a_400_naming_the_field()
    {
        var (editor, authorId) = await EditorAsync();
        var body = ArticleFixtures.Body(authorId, title: "Références inconnues");
        body["sectionId"] = Guid.NewGuid();
        body["authorIds"] = new[] { authorId, Guid.NewGuid() };
        body["tags"] = new[] { "Étiquette qui ne doit pas exister" };

        var response = await editor.PostAsJsonAsync("/api/v1/admin/articles", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("sectionId"));
        Assert.NotEmpty(problem.FieldErrors("authorIds[1]"));
        Assert.Equal(0, await CountAsync(db => db.Tags.CountAsync(t => t.Slug == "etiquette-qui-ne-doit-pas-exister")));
    }

    [Fact]
    public async Task Tags_differing_in_case_accents_or_spacing_are_one_tag()
    {
        var (editor, authorId) = await EditorAsync();
        var body = ArticleFixtures.Body(authorId, title: "Étiquettes en double");
        body["tags"] = new[] { "Objets connectés", "objets  CONNECTÉS", " Objets connectes " };

        var article = await editor.CreateArticleAsync(body);

        Assert.Single(article.GetProperty("tags").EnumerateArray());
        Assert.Equal(1, await CountAsync(db => db.Tags.CountAsync(t => t.Slug == "objets-connectes")));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_replays_the_first_answer_and_creates_nothing()
    {
        var (editor, authorId) = await EditorAsync();
        var body = ArticleFixtures.Body(authorId, title: "Idempotence d’une création");
        async Task<HttpResponseMessage> Send(Dictionary<string, object?> b)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/articles") { Content = JsonContent.Create(b) };
            request.Headers.Add("Idempotency-Key", "cle-42");
            return await editor.SendAsync(request);
        }

        var first = await Send(body);
        var retry = await Send(body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.Id(), b.Id());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, await CountAsync(db => db.Articles.CountAsync(x => x.Title == "Idempotence d’une création")));

        body["title"] = "Un autre corps avec la même clé";
        await (await Send(body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");
    }

    [Fact]
    public async Task Updating_requires_if_match_refuses_a_stale_version_and_changes_the_etag()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Version initiale"));
        var update = ArticleFixtures.Body(authorId, title: "Version révisée");

        await (await editor.PutArticleAsync(article.Id(), update, ifMatch: null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        var ok = await editor.PutArticleAsync(article.Id(), update, article.ETag());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var updated = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(article.ETag(), ok.Headers.ETag?.ToString());
        Assert.Equal(updated.ETag(), ok.Headers.ETag?.ToString());
        Assert.Equal("Version révisée", updated.GetProperty("title").GetString());

        var stale = await editor.PutArticleAsync(article.Id(), ArticleFixtures.Body(authorId, title: "Trop tard"), article.ETag());
        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(updated.GetProperty("version").GetString(), problem.GetProperty("currentVersion").GetString());
        var get = await editor.GetAsync($"/api/v1/admin/articles/{article.Id()}");
        Assert.Equal(updated.ETag(), get.Headers.ETag?.ToString());
        Assert.Equal("Version révisée", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_list_filters_and_pages_with_an_opaque_cursor()
    {
        var (editor, authorId) = await EditorAsync();
        for (var i = 0; i < 5; i++)
        {
            var body = ArticleFixtures.Body(authorId, title: $"Pagination zèbre numéro {i}");
            body["tags"] = new[] { "Pagination zèbre" };
            await editor.CreateArticleAsync(body);
        }

        var first = await editor.GetFromJsonAsync<JsonElement>("/api/v1/admin/articles?tag=pagination-zebre&limit=2&status=draft");
        var second = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles?tag=pagination-zebre&limit=2&status=draft&cursor={first.GetProperty("nextCursor").GetString()}");
        var third = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles?tag=pagination-zebre&limit=2&status=draft&cursor={second.GetProperty("nextCursor").GetString()}");

        var titles = new[] { first, second, third }.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Reverse().Select(i => $"Pagination zèbre numéro {i}"), titles);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);
        var byText = await editor.GetFromJsonAsync<JsonElement>("/api/v1/admin/articles?q=ZÈBRE numéro 3");
        Assert.Single(byText.GetProperty("items").EnumerateArray());
        var published = await editor.GetFromJsonAsync<JsonElement>("/api/v1/admin/articles?tag=pagination-zebre&status=published");
        Assert.Empty(published.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_list_parameters_are_400s()
    {
        var (editor, _) = await EditorAsync();

        await (await editor.GetAsync("/api/v1/admin/articles?cursor=forged!")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await editor.GetAsync("/api/v1/admin/articles?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await editor.GetAsync("/api/v1/admin/articles?limit=abc")).AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        await (await editor.GetAsync("/api/v1/admin/articles?status=archived")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Drafts_are_deleted_published_articles_must_be_withdrawn_first()
    {
        var (editor, authorId) = await EditorAsync();
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Brouillon à jeter"));
        var live = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Article en ligne à garder"));
        (await editor.PostAsync($"/api/v1/admin/articles/{live.Id()}/publish", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/admin/articles/{draft.Id()}")).StatusCode);
        await (await editor.GetAsync($"/api/v1/admin/articles/{draft.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.DeleteAsync($"/api/v1/admin/articles/{live.Id()}")).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        (await editor.PostAsync($"/api/v1/admin/articles/{live.Id()}/withdraw", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/admin/articles/{live.Id()}")).StatusCode);
    }

    [Fact]
    public async Task Unknown_articles_are_404_everywhere()
    {
        var (editor, authorId) = await EditorAsync();
        var id = Guid.NewGuid();

        await (await editor.GetAsync($"/api/v1/admin/articles/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.PutArticleAsync(id.ToString(), ArticleFixtures.Body(authorId), "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.PostAsync($"/api/v1/admin/articles/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.GetAsync($"/api/v1/admin/articles/{id}/revisions")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.GetAsync($"/api/v1/admin/articles/{id}/preview")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
