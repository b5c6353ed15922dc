using System.Net.Http.Headers;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>Public reads are exactly cacheable by clients, served from the server's cache, and fresh right after any change.</summary>
public sealed class PublicCachingTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/api/v1/site")]
    [InlineData("/api/v1/sections")]
    [InlineData("/api/v1/sections/focus")]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/archives")]
    [InlineData("/api/v1/tags")]
    [InlineData("/api/v1/authors")]
    public async Task Every_public_read_has_validators_and_answers_304_when_they_still_match(string url)
    {
        var client = api.CreateClient();
        var first = await client.GetAsync(url);
        first.EnsureSuccessStatusCode();
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", first.CacheControl());

        var byEtag = await GetAsync(client, url, h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byEtag.StatusCode);
        Assert.Empty(await byEtag.Content.ReadAsByteArrayAsync());
        var byDate = await GetAsync(client, url, h => h.IfModifiedSince = first.Content.Headers.LastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        var stale = await GetAsync(client, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"autre\"")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task A_revalidation_that_misses_the_server_cache_refills_it()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        (await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Revalidée", description = "d’origine" })).EnsureSuccessStatusCode();
        var url = "/api/v1/sections/revalidee";
        var client = api.CreateClient();
        var etag = (await client.GetAsync(url)).Headers.ETag!;

        // Any committed change empties the server cache; this one leaves the section as it was.
        (await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Une autre rubrique", description = "rien à voir" })).EnsureSuccessStatusCode();
        var revalidated = await GetAsync(client, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag, isWeak: true)));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);

        // The revalidation stored the full answer: a change behind the API's back stays hidden until a real one.
        await api.ExecuteBehindTheApiAsync($"UPDATE sections SET description = 'changée en douce' WHERE slug = 'revalidee'");
        var plain = await client.GetAsync(url);
        Assert.Equal(etag, plain.Headers.ETag);
        Assert.Equal("d’origine", (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Authentication_never_changes_a_public_answer_and_admin_answers_are_never_stored()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var anonymous = await api.CreateClient().GetAsync("/api/v1/sections");
        var signedIn = await editor.GetAsync("/api/v1/sections");

        Assert.Equal(anonymous.Headers.ETag, signedIn.Headers.ETag);
        Assert.Equal(anonymous.CacheControl(), signedIn.CacheControl());
        var anonymousAgain = await api.CreateClient().GetAsync("/api/v1/sections");
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", anonymousAgain.CacheControl());
        var admin = await editor.GetAsync("/api/v1/admin/articles");
        Assert.Equal("private, no-store", admin.CacheControl());
        Assert.Null(admin.Headers.ETag);
    }

    [Fact]
    public async Task Repeated_reads_come_from_the_server_cache_until_a_change_is_committed()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var section = await (await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Cache témoin", description = "avant" })).Content.ReadFromJsonAsync<JsonElement>();
        var url = "/api/v1/sections/cache-temoin";
        Assert.Equal("avant", (await api.CreateClient().GetFromJsonAsync<JsonElement>(url)).GetProperty("description").GetString());

        await api.ExecuteBehindTheApiAsync($"UPDATE sections SET description = 'changé en douce' WHERE slug = 'cache-temoin'");
        Assert.Equal("avant", (await api.CreateClient().GetFromJsonAsync<JsonElement>(url)).GetProperty("description").GetString());

        (await editor.PutAsJsonAsync($"/api/v1/admin/sections/{section.GetProperty("id").GetString()}", new { name = "Cache témoin", description = "après", position = 50 })).EnsureSuccessStatusCode();
        Assert.Equal("après", (await api.CreateClient().GetFromJsonAsync<JsonElement>(url)).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Draft_saves_and_user_management_leave_the_server_cache_warm_until_something_is_published()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var admin = await api.CreateClientAsAsync(Roles.Admin);
        var authorId = await api.CreateAuthorAsync("Brouillon Discret");
        var witness = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Un article témoin"));
        (await editor.PostAsync($"/api/v1/admin/articles/{witness.Id()}/publish", null)).EnsureSuccessStatusCode();
        var url = "/api/v1/articles?limit=50";
        Assert.Contains("Un article témoin", await api.CreateClient().GetStringAsync(url), StringComparison.Ordinal);
        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET title = 'Un témoin changé en douce' WHERE id = {Guid.Parse(witness.Id())}");

        // New drafts (with new tags), an edit of one, and a new account: nothing readers see.
        var withNewTags = ArticleFixtures.Body(authorId, title: "Un premier brouillon discret");
        withNewTags["tags"] = new[] { "Etiquette de brouillon" };
        await editor.CreateArticleAsync(withNewTags);
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Un second brouillon discret"));
        (await editor.PutArticleAsync(draft.Id(), ArticleFixtures.Body(authorId, title: "Un second brouillon, relu"), draft.ETag())).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "discret@tests.newsroom", displayName = "Discret", role = "author", password = "a-long-enough-password" }))
            .EnsureSuccessStatusCode();
        Assert.Contains("Un article témoin", await api.CreateClient().GetStringAsync(url), StringComparison.Ordinal);

        (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).EnsureSuccessStatusCode();
        Assert.Contains("Un témoin changé en douce", await api.CreateClient().GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_tag_and_author_changes_are_seen_by_the_next_request()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.CreateAuthorAsync("Fraîcheur");
        var created = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Fraîcheur du cache"));
        var list = "/api/v1/articles?limit=50";
        Assert.DoesNotContain(created.Id(), await api.CreateClient().GetStringAsync(list), StringComparison.Ordinal);

        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{created.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(created.Id(), await api.CreateClient().GetStringAsync(list), StringComparison.Ordinal);

        var slug = published.GetProperty("slug").GetString();
        var before = await api.CreateClient().GetAsync($"/api/v1/articles/{slug}");
        (await editor.PutArticleAsync(created.Id(), ArticleFixtures.Body(authorId, title: "Fraîcheur du cache, corrigé"), published.ETag())).EnsureSuccessStatusCode();
        var after = await api.CreateClient().GetAsync($"/api/v1/articles/{slug}");
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("corrigé", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tag = published.GetProperty("tags")[0];
        (await editor.PutAsJsonAsync($"/api/v1/admin/tags/{tag.GetProperty("id").GetString()}", new { name = "IA générative" })).EnsureSuccessStatusCode();
        Assert.Contains("IA générative", await api.CreateClient().GetStringAsync($"/api/v1/articles/{slug}"), StringComparison.Ordinal);

        (await editor.PutAsJsonAsync($"/api/v1/admin/authors/{authorId}", new { name = "Fraîcheur Renommée" })).EnsureSuccessStatusCode();
        Assert.Contains("Fraîcheur Renommée", await api.CreateClient().GetStringAsync($"/api/v1/articles/{slug}"), StringComparison.Ordinal);

        (await editor.PostAsync($"/api/v1/admin/articles/{created.Id()}/withdraw", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/articles/{slug}")).StatusCode);
        Assert.DoesNotContain(created.Id(), await api.CreateClient().GetStringAsync(list), StringComparison.Ordinal);
    }
}

/// <summary>A scheduled article shows up to readers as soon as its time comes, even past a warm cache.</summary>
public sealed class ScheduledCachingTests(ScheduledCachingTests.Factory api) : IClassFixture<ScheduledCachingTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override bool UseFakeClock => true;
    }

    [Fact]
    public async Task A_scheduled_article_appears_in_the_cached_list_when_it_goes_live()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.CreateAuthorAsync("Programmée");
        var created = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Sortie programmée"));
        (await editor.PostAsJsonAsync($"/api/v1/admin/articles/{created.Id()}/schedule", new { publishAt = api.Clock.GetUtcNow().AddMinutes(5) })).EnsureSuccessStatusCode();
        var slug = created.GetProperty("slug").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/articles/{slug}")).StatusCode);
        Assert.DoesNotContain(created.Id(), await api.CreateClient().GetStringAsync("/api/v1/articles"), StringComparison.Ordinal);

        api.Clock.Advance(TimeSpan.FromMinutes(6));
        var seen = false;
        for (var attempt = 0; attempt < 50 && !seen; attempt++)
        {
            api.Clock.Advance(TimeSpan.FromSeconds(1));
            seen = (await api.CreateClient().GetStringAsync("/api/v1/articles")).Contains(created.Id(), StringComparison.Ordinal);
            if (!seen)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(seen, "the scheduled article never appeared in the cached list");
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync($"/api/v1/articles/{slug}")).StatusCode);
    }
}
