using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Articles;

public sealed class ArticleRevisionsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Every_saved_change_is_a_numbered_revision_and_restoring_makes_a_new_one()
    {
        var (editorUser, token) = await api.CreateUserWithTokenAsync(Roles.Editor);
        var editor = api.CreateClientWithToken(token);
        var authorId = await api.CreateAuthorAsync("Laure Vasseur");
        var v1 = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Première version"));
        var body = ArticleFixtures.Body(authorId, title: "Deuxième version");
        body["tags"] = new[] { "Réseaux sociaux" };
        var v2 = await (await editor.PutArticleAsync(v1.Id(), body, v1.ETag())).Content.ReadFromJsonAsync<JsonElement>();

        var revisions = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{v1.Id()}/revisions");
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()).ToArray());
        Assert.Equal(["title", "tags"], revisions[0].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()!).ToArray());
        Assert.Equal(editorUser.Id.ToString(), revisions[0].GetProperty("createdBy").GetString());

        var first = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{v1.Id()}/revisions/1");
        Assert.Equal("Première version", first.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal(["Intelligence artificielle", "Meta"], first.GetProperty("content").GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());

        var restore = await editor.PostAsync($"/api/v1/admin/articles/{v1.Id()}/revisions/1/restore", null);
        var restored = await restore.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Première version", restored.GetProperty("title").GetString());
        Assert.Equal(["Intelligence artificielle", "Meta"], restored.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(3, restored.GetProperty("revisionCount").GetInt32());
        Assert.NotEqual(v2.ETag(), restore.Headers.ETag?.ToString());
        var after = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{v1.Id()}/revisions");
        Assert.Equal("restored", after[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task An_unknown_revision_is_a_404()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(await api.CreateAuthorAsync("Hélène Marchal"), title: "Une seule version"));

        await (await editor.GetAsync($"/api/v1/admin/articles/{article.Id()}/revisions/7")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/revisions/7/restore", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_preview_has_exactly_the_public_article_shape()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(await api.CreateAuthorAsync("Marc Delorme"), title: "Aperçu avant publication"));

        var preview = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{article.Id()}/preview");

        var fields = preview.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["id", "slug", "title", "standfirst", "section", "tags", "authors", "publishedAt", "updatedAt", "readingTimeMinutes", "coverImage", "bodyHtml", "sources", "related", "previous", "next"],
            fields);
        Assert.Equal("technologies", preview.GetProperty("section").GetProperty("slug").GetString());
        Assert.False(preview.TryGetProperty("body", out _));
        Assert.False(preview.TryGetProperty("status", out _));
        Assert.Equal(article.GetProperty("bodyHtml").GetString(), preview.GetProperty("bodyHtml").GetString());
    }
}
