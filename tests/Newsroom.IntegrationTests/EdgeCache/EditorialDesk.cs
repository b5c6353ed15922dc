using System.Diagnostics;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>What the edge tests do through the admin API of a real API process: publish and edit articles, and wait.</summary>
public static class EditorialDesk
{
    /// <summary>A published article: its id (as <c>CacheKeys.Article</c> formats it, <c>N</c>), public path and current body.</summary>
    public sealed record Published(Guid Id, string Path, JsonElement Article)
    {
        public string Key => $"article-{Id:N}";
    }

    public static async Task<Guid> CreateAuthorAsync(HttpClient admin)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Plume de la périphérie " + Guid.NewGuid().ToString("N")[..6] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <param name="admin">A signed-in client of the API.</param>
    /// <param name="authorId">The byline.</param>
    /// <param name="title">The title (a unique suffix is added).</param>
    /// <param name="sectionId">The section; Technologies by default.</param>
    /// <param name="tag">Its one tag instead of the fixture's two, so that its "À lire également" shares nothing with the others'.</param>
    public static async Task<Published> PublishAsync(HttpClient admin, Guid authorId, string title, Guid? sectionId = null, string? tag = null)
    {
        var body = ArticleFixtures.Body(authorId, title + " " + Guid.NewGuid().ToString("N")[..8]);
        body["sectionId"] = sectionId ?? ArticleFixtures.Technologies;
        if (tag is not null)
        {
            body["tags"] = new[] { tag };
        }

        var draft = await admin.CreateArticleAsync(body);
        var response = await admin.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var article = JsonDocument.Parse(text).RootElement.Clone();
        return new Published(Guid.Parse(article.Id()), $"/api/v1/articles/{article.GetProperty("slug").GetString()}", article);
    }

    public static async Task RetitleAsync(HttpClient admin, Published article, Guid authorId, string title)
    {
        var body = ArticleFixtures.Body(authorId, title, slug: article.Article.GetProperty("slug").GetString());
        var response = await admin.PutArticleAsync(article.Id.ToString(), body, article.Article.ETag());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Once every outbox message (of <paramref name="api"/>'s database) is processed, the purges <paramref name="varnish"/>
    /// received (as many as the edge.purge messages): what is read through the edge after it is not dropped by the purge
    /// of an earlier change still on its way.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SettledAsync(EdgeApiProcess api, VarnishServer varnish)
    {
        // Read together until they agree: the vocabulary's rebuild may write (and send) one more purge at any moment.
        var (sent, received) = await PollAsync(
            async () =>
            {
                var outbox = await api.OutboxAsync();
                var purges = await varnish.PurgesReceivedAsync();
                return (Sent: outbox.All(r => r.Processed) ? outbox.Count(r => r.Type == "edge.purge") : -1, Received: purges);
            },
            settled => settled.Sent == settled.Received.Count,
            TimeSpan.FromSeconds(10));
        Assert.Equal(sent, received.Count);
        return received;
    }

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="within"/> has passed; the last value read.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || deadline.Elapsed > within)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
