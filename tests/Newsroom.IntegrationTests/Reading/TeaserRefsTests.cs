using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Reading;

/// <summary>
/// Readers' teasers take tags and bylines from what the database keeps for each article
/// (Persistence/Sql/05_article_teaser_refs.sql), not from the link tables: every kind of change must reach them, in
/// the editor's order.
/// </summary>
public sealed class TeaserRefsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Teasers_and_pages_follow_every_change_to_tags_and_bylines_in_the_editors_order()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var first = await api.CreateAuthorAsync("Œuvre Première");
        var second = await api.CreateAuthorAsync("Élise Seconde");
        var body = ArticleFixtures.Body(first, title: "Vignettes à jour");
        body["tags"] = new[] { "Réalité augmentée", "Œnologie", "Vignettes témoin" };
        body["authorIds"] = new[] { second, first };
        var created = await editor.CreateArticleAsync(body);
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{created.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        var slug = published.GetProperty("slug").GetString();

        await AssertTeaserAsync(slug!, ["realite-augmentee", "oenologie", "vignettes-temoin"], ["Réalité augmentée", "Œnologie", "Vignettes témoin"], ["Élise Seconde", "Œuvre Première"]);

        // The editor reorders the tags, drops one, and keeps one byline.
        body["tags"] = new[] { "Vignettes témoin", "Réalité augmentée" };
        body["authorIds"] = new[] { first };
        (await editor.PutArticleAsync(created.Id(), body, published.ETag())).EnsureSuccessStatusCode();
        await AssertTeaserAsync(slug!, ["vignettes-temoin", "realite-augmentee"], ["Vignettes témoin", "Réalité augmentée"], ["Œuvre Première"]);

        // Catalog changes: a tag renamed (new slug too), merged into another, deleted; a byline renamed and re-slugged.
        var tagIds = (await api.EnsureTagsAsync("Vignettes témoin", "Réalité augmentée", "Réalité mixte"));
        (await editor.PutAsJsonAsync($"/api/v1/admin/tags/{tagIds[0]}", new { name = "Vignettes d’essai" })).EnsureSuccessStatusCode();
        await AssertTeaserAsync(slug!, ["vignettes-d-essai", "realite-augmentee"], ["Vignettes d’essai", "Réalité augmentée"], ["Œuvre Première"]);

        (await editor.PostAsJsonAsync($"/api/v1/admin/tags/{tagIds[1]}/merge", new { targetId = tagIds[2] })).EnsureSuccessStatusCode();
        await AssertTeaserAsync(slug!, ["vignettes-d-essai", "realite-mixte"], ["Vignettes d’essai", "Réalité mixte"], ["Œuvre Première"]);

        (await editor.DeleteAsync($"/api/v1/admin/tags/{tagIds[0]}")).EnsureSuccessStatusCode();
        (await editor.PutAsJsonAsync($"/api/v1/admin/authors/{first}", new { name = "Œuvre Renommée", slug = "oeuvre-renommee" })).EnsureSuccessStatusCode();
        await AssertTeaserAsync(slug!, ["realite-mixte"], ["Réalité mixte"], ["Œuvre Renommée"]);

        // Whatever happened, what is kept equals what the link tables say now, for every article of the database.
        await using var scope = api.Services.CreateAsyncScope();
        var stale = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM articles a LEFT JOIN article_teaser_refs r ON r.article_id = a.id
            WHERE coalesce(r.tag_refs, ARRAY[]::text[]) <> newsroom_tag_refs(a.id) OR coalesce(r.author_refs, ARRAY[]::text[]) <> newsroom_author_refs(a.id)
            """).SingleAsync();
        Assert.Equal(0, stale);
    }

    /// <summary>The same tags and bylines in the list's teaser, on the article page, and by the author's own list.</summary>
    private async Task AssertTeaserAsync(string slug, string[] tagSlugs, string[] tagNames, string[] authorNames)
    {
        var client = api.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{slug}");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/articles?limit=50");
        var teaser = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("slug").GetString() == slug);
        foreach (var article in new[] { page, teaser })
        {
            Assert.Equal(tagSlugs, article.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).ToArray());
            Assert.Equal(tagNames, article.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray());
            Assert.Equal(authorNames, article.GetProperty("authors").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray());
        }

        var byAuthor = await client.GetFromJsonAsync<JsonElement>($"/api/v1/articles?author={page.GetProperty("authors")[0].GetProperty("slug").GetString()}");
        Assert.Contains(slug, byAuthor.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
    }
}
