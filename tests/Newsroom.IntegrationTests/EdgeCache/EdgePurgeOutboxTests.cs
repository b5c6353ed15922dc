using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Outbox;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>What a command writes to the outbox for the edge caches, and what the dispatcher makes of the other messages.</summary>
public abstract class OutboxTestsBase<TFactory>(TFactory api)
    where TFactory : NewsroomApiFactory
{
    protected TFactory Api => api;

    protected async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToListAsync();
    }

    protected async Task<(HttpClient Editor, Guid AuthorId)> EditorAsync() =>
        (await api.CreateClientAsAsync(Roles.Editor), await api.CreateAuthorAsync("Camille Périphérie " + Guid.NewGuid().ToString("N")[..6]));
}

public sealed class EdgePurgeOutboxWithoutEdgeCachesTests(NewsroomApiFactory api) : OutboxTestsBase<NewsroomApiFactory>(api), IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Without_purge_URLs_no_purge_is_written_and_the_domain_events_are_dispatched()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, "Sans cache en bordure"));

        Assert.True((await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null)).IsSuccessStatusCode);

        var outbox = await EditorialDesk.PollAsync(OutboxAsync, rows => rows.All(m => m.ProcessedAt is not null), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(outbox, m => m.Type == "edge.purge");
        var published = Assert.Single(outbox, m => m.ArticleId == Guid.Parse(article.Id()));
        Assert.Equal(("article.published", 0), (published.Type, published.Attempts));
        Assert.NotNull(published.ProcessedAt);
    }
}

public sealed class EdgePurgeOutboxTests(EdgePurgeOutboxTests.Factory api) : OutboxTestsBase<EdgePurgeOutboxTests.Factory>(api), IClassFixture<EdgePurgeOutboxTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        /// <summary>Nothing listens there: every purge fails and is kept.</summary>
        public const string Unreachable = "http://127.0.0.1:9/";

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:EdgeCache:PurgeUrls:0"] = Unreachable,
            ["Newsroom:EdgeCache:FirstRetrySeconds"] = "0.1",
            ["Newsroom:EdgeCache:MaxRetrySeconds"] = "0.2",
        };
    }

    [Fact]
    public async Task A_publication_writes_one_purge_naming_the_article_and_a_failed_purge_is_kept_and_retried()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, "Purgé en bordure"));
        var before = (await OutboxAsync()).Select(m => m.Id).ToHashSet();

        Assert.True((await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null)).IsSuccessStatusCode);

        var written = (await OutboxAsync()).Where(m => !before.Contains(m.Id)).ToList();
        var purge = Assert.Single(written, m => m.Type == "edge.purge" && !IsVocabularyRebuilds(m));
        Assert.Null(purge.ArticleId);
        Assert.True(purge.Payload == "*" || purge.Payload!.Split(' ').Contains($"article-{Guid.Parse(article.Id()):N}"), purge.Payload);
        var retried = await EditorialDesk.PollAsync(OutboxAsync, rows => rows.Single(m => m.Id == purge.Id).Attempts >= 2, TimeSpan.FromSeconds(10));
        Assert.Equal((null, true), (retried.Single(m => m.Id == purge.Id).ProcessedAt, retried.Single(m => m.Id == purge.Id).Attempts >= 2));
    }

    [Fact]
    public async Task A_draft_saved_and_a_command_refused_write_no_purge()
    {
        var (editor, authorId) = await EditorAsync();
        var before = (await OutboxAsync()).Count(m => m.Type == "edge.purge" && !IsVocabularyRebuilds(m));

        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, "Brouillon discret"));
        var refused = await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/withdraw", null);

        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal(before, (await OutboxAsync()).Count(m => m.Type == "edge.purge" && !IsVocabularyRebuilds(m)));
    }

    /// <summary>The search vocabulary's rebuild after the author's creation purges searches, whenever it ends.</summary>
    private static bool IsVocabularyRebuilds(OutboxMessage message) => message.Payload == Newsroom.Application.Common.Abstractions.CacheKeys.Search;
}
