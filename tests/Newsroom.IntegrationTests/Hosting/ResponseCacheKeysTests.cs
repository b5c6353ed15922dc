using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Users;
using Npgsql;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// Every public answer names the cache keys it depends on (<c>xkey</c>, <c>Surrogate-Key</c>), and the server cache
/// evicts by them: a change drops the answers that showed it and leaves the others warm. A hit of the server cache is
/// told by its <c>Age</c> header, which only a cached answer carries.
/// </summary>
public sealed class ResponseCacheKeysTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static readonly Guid Culture = Guid.Parse("0193f000-0000-7000-8000-000000000002");
    private static readonly Guid Economy = Guid.Parse("0193f000-0000-7000-8000-000000000003");

    private static string Article(string id) => $"article-{Guid.Parse(id):N}";

    private static string XKey(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("xkey", out var xkey), $"no xkey on {response.RequestMessage?.RequestUri}");
        var keys = Assert.Single(xkey);
        Assert.Equal(keys, Assert.Single(response.Headers.GetValues("Surrogate-Key")));
        return keys;
    }

    private static bool IsHit(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<HttpResponseMessage> ReadAsync(string url)
    {
        var response = await api.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Reads each URL until the server cache answers it.</summary>
    private async Task WarmAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            await ReadAsync(url);
            Assert.True(IsHit(await ReadAsync(url)), $"{url} was not cached");
        }
    }

    private async Task<JsonElement> PublishAsync(HttpClient editor, Guid authorId, string title, Guid section, params string[] tags)
    {
        var body = ArticleFixtures.Body(authorId, title: title);
        body["sectionId"] = section;
        body["tags"] = tags;
        var created = await editor.CreateArticleAsync(body);
        var published = await editor.PostAsync($"/api/v1/admin/articles/{created.Id()}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return await published.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Every_public_read_names_the_keys_of_what_it_shows()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.CreateAuthorAsync("Clés Précises");
        var x = await PublishAsync(editor, authorId, "Zanzibarite, une enquête", ArticleFixtures.Technologies, "Cles precises");
        var (id, slug, author) = (x.Id(), x.GetProperty("slug").GetString()!, x.GetProperty("authors")[0].GetProperty("slug").GetString()!);
        var paris = TimeZoneInfo.ConvertTime(x.GetProperty("publishedAt").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        Assert.Equal($"list section-technologies tag-cles-precises {Article(id)}", XKey(await ReadAsync("/api/v1/articles?section=technologies&tag=cles-precises")));
        Assert.Equal($"list author-{author} {Article(id)}", XKey(await ReadAsync($"/api/v1/articles?author={author}")));
        var page = XKey(await ReadAsync($"/api/v1/articles/{slug}")).Split(' ');
        Assert.Equal(Article(id), page[0]);
        Assert.Subset(page.ToHashSet(), new HashSet<string> { "section-technologies", "tag-cles-precises", $"author-{author}" });
        Assert.Equal("list", XKey(await ReadAsync("/api/v1/archives")));
        Assert.Contains(Article(id), XKey(await ReadAsync($"/api/v1/archives/{paris.Year}/{paris.Month}?limit=50")).Split(' '));
        Assert.StartsWith("site ", XKey(await ReadAsync("/api/v1/site")), StringComparison.Ordinal);
        Assert.Contains("section-technologies", XKey(await ReadAsync("/api/v1/sections")).Split(' '));
        Assert.Equal("site section-technologies", XKey(await ReadAsync("/api/v1/sections/technologies")));
        Assert.Contains("tag-cles-precises", XKey(await ReadAsync("/api/v1/tags")).Split(' '));
        Assert.Equal("list tag-cles-precises", XKey(await ReadAsync("/api/v1/tags/cles-precises")));
        Assert.Contains($"author-{author}", XKey(await ReadAsync("/api/v1/authors")).Split(' '));
        Assert.Equal($"list author-{author}", XKey(await ReadAsync($"/api/v1/authors/{author}")));
        Assert.Equal($"search {Article(id)}", XKey(await ReadAsync("/api/v1/search?q=zanzibarite")));
        Assert.Equal("search", XKey(await ReadAsync("/api/v1/search/suggest?q=zanzi")));
        Assert.Equal($"feed tag-cles-precises {Article(id)}", XKey(await ReadAsync("/api/v1/feeds/rss?tag=cles-precises")));
        Assert.Contains(Article(id), XKey(await ReadAsync("/api/v1/feeds/atom")).Split(' '));
        Assert.Equal("sitemap list", XKey(await ReadAsync("/sitemap.xml")));
        Assert.Equal("sitemap list", XKey(await ReadAsync("/sitemap-news.xml")));
    }

    [Fact]
    public async Task A_304_carries_the_keys_and_a_redirect_to_the_canonical_slug_neither_keys_nor_a_cache_lifetime()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var x = await PublishAsync(editor, await api.CreateAuthorAsync("Redirigée"), "Une page redirigée", ArticleFixtures.Technologies, "Redirection");
        var url = $"/api/v1/articles/{x.GetProperty("slug").GetString()}";
        // Asked before the canonical page is cached: the server cache's keys ignore the path's case.
        var moved = await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url.Replace("une-page", "Une-Page", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.False(moved.Headers.Contains("xkey"));
        Assert.Equal("private, no-store", moved.CacheControl());

        var first = await ReadAsync(url);

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, url);
        revalidation.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await api.CreateClient().SendAsync(revalidation);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(XKey(first), XKey(notModified));

    }

    [Fact]
    public async Task Editing_an_article_drops_its_page_and_the_lists_showing_it_and_leaves_another_articles_page_cached()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.CreateAuthorAsync("Édition Ciblée");
        var x = await PublishAsync(editor, authorId, "Un article à corriger", ArticleFixtures.Technologies, "Correction ciblee");
        await PublishAsync(editor, authorId, "Un article entre les deux", ArticleFixtures.Technologies, "Intercalaire");
        var y = await PublishAsync(editor, authorId, "Un article sans rapport", ArticleFixtures.Business, "Sans rapport");
        var (pageOfX, pageOfY, list) = ($"/api/v1/articles/{x.GetProperty("slug").GetString()}", $"/api/v1/articles/{y.GetProperty("slug").GetString()}", "/api/v1/articles?limit=50");
        Assert.DoesNotContain(Article(x.Id()), XKey(await ReadAsync(pageOfY)).Split(' '));
        await WarmAsync(pageOfX, pageOfY, list);

        var edit = ArticleFixtures.Body(authorId, title: "Un article corrigé");
        edit["tags"] = new[] { "Correction ciblee" };
        (await editor.PutArticleAsync(x.Id(), edit, x.ETag())).EnsureSuccessStatusCode();

        Assert.True(IsHit(await ReadAsync(pageOfY)), "the page of an article the edit did not touch was dropped");
        var xAfter = await ReadAsync(pageOfX);
        Assert.False(IsHit(xAfter));
        Assert.Contains("Un article corrigé", await xAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var listAfter = await ReadAsync(list);
        Assert.False(IsHit(listAfter));
        Assert.Contains("Un article corrigé", await listAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_an_article_drops_the_page_of_its_new_previous_article_and_not_farther_ones()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.CreateAuthorAsync("Voisinage");
        var farther = await PublishAsync(editor, authorId, "Un article plus ancien", ArticleFixtures.Business, "Ancien voisin");
        await PublishAsync(editor, authorId, "Un article entre deux", Economy, "Entre deux");
        var previous = await PublishAsync(editor, authorId, "Le dernier paru avant", ArticleFixtures.Technologies, "Voisin precedent");
        var (pageOfFarther, pageOfPrevious) = ($"/api/v1/articles/{farther.GetProperty("slug").GetString()}", $"/api/v1/articles/{previous.GetProperty("slug").GetString()}");
        Assert.DoesNotContain(Article(previous.Id()), XKey(await ReadAsync(pageOfFarther)).Split(' '));
        await WarmAsync(pageOfFarther, pageOfPrevious);

        var x = await PublishAsync(editor, authorId, "Le tout dernier paru", Culture, "Nouveau voisin");

        var previousAfter = await ReadAsync(pageOfPrevious);
        Assert.False(IsHit(previousAfter));
        Assert.Equal(x.Id(), (await previousAfter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next").GetProperty("id").GetString());
        Assert.True(IsHit(await ReadAsync(pageOfFarther)), "the page of an article by the same author, not next to the publication, was dropped");
    }

    [Fact]
    public async Task Renaming_a_tag_drops_the_pages_showing_it_and_leaves_the_others_cached()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.CreateAuthorAsync("Étiquetage");
        var tagged = await PublishAsync(editor, authorId, "Un article étiqueté", ArticleFixtures.Technologies, "Avant renommage");
        await PublishAsync(editor, authorId, "Un article intercalé", ArticleFixtures.Technologies, "Autre intercalaire");
        var other = await PublishAsync(editor, authorId, "Un article non étiqueté", ArticleFixtures.Business, "Sans etiquette commune");
        var (pageOfTagged, pageOfOther) = ($"/api/v1/articles/{tagged.GetProperty("slug").GetString()}", $"/api/v1/articles/{other.GetProperty("slug").GetString()}");
        await WarmAsync(pageOfTagged, pageOfOther);

        var tagId = tagged.GetProperty("tags")[0].GetProperty("id").GetString();
        (await editor.PutAsJsonAsync($"/api/v1/admin/tags/{tagId}", new { name = "Après renommage" })).EnsureSuccessStatusCode();

        var taggedAfter = await ReadAsync(pageOfTagged);
        Assert.False(IsHit(taggedAfter));
        Assert.Contains("Après renommage", await taggedAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("tag-apres-renommage", XKey(taggedAfter).Split(' '));
        Assert.True(IsHit(await ReadAsync(pageOfOther)), "the page of an article without the tag was dropped");
    }

    [Fact]
    public async Task An_answer_read_while_its_keys_were_evicted_is_kept_by_no_cache_and_one_read_while_others_were_is()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var x = await PublishAsync(editor, await api.CreateAuthorAsync("Course"), "Une lecture pendant une éviction", ArticleFixtures.Technologies, "Course");
        var url = $"/api/v1/articles/{x.GetProperty("slug").GetString()}";
        var itsKey = PublicChange.Of([Article(x.Id())]);

        var untouched = await ReadWhileEvictingAsync(url, PublicChange.Of([Article(Guid.NewGuid().ToString())]));
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", untouched.CacheControl());
        Assert.True(IsHit(await ReadAsync(url)), "an answer no eviction of its keys touched was not stored");

        await Cache.EvictAsync(itsKey, CancellationToken.None);
        var touched = await ReadWhileEvictingAsync(url, itsKey);
        Assert.Equal("private, max-age=60, s-maxage=0", touched.CacheControl());
        Assert.False(IsHit(await ReadAsync(url)), "an answer read while its keys were evicted was stored");
        Assert.True(IsHit(await ReadAsync(url)));
    }

    private IPublicResponseCache Cache => api.Services.GetRequiredService<IPublicResponseCache>();

    /// <summary>
    /// Reads the article page at <paramref name="url"/> while the articles are locked, evicts <paramref name="change"/>
    /// once the page's query waits on the lock (not any other: the vocabulary's rebuild may wait too), then lets it finish.
    /// </summary>
    private async Task<HttpResponseMessage> ReadWhileEvictingAsync(string url, PublicChange change)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockArticles = new NpgsqlCommand("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await lockArticles.ExecuteNonQueryAsync();
        }

        var reading = api.CreateClient().GetAsync(url);
        // From another connection: within a transaction, pg_stat_activity keeps showing what it first showed.
        await using var watcher = new NpgsqlConnection(api.ConnectionString);
        await watcher.OpenAsync();
        await using (var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%WITH me AS MATERIALIZED%'", watcher))
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the page's query never waited on the locked articles");
                await Task.Delay(20);
            }
        }

        await Cache.EvictAsync(change, CancellationToken.None);
        await transaction.RollbackAsync();
        var response = await reading;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
