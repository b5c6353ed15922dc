using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Articles;

/// <summary>Publishing, scheduling, going live, withdrawing, and the events and history they leave.</summary>
public sealed class ArticlePublicationTests(ArticlePublicationTests.Factory api) : IClassFixture<ArticlePublicationTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override bool UseFakeClock => true;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Publishing:PollSeconds"] = "1" };
    }

    private async Task<(HttpClient Editor, Guid AuthorId)> EditorAsync() =>
        (await api.CreateClientAsAsync(Roles.Editor), await api.CreateAuthorAsync("Julien Marchetti"));

    private async Task<string[]> OutboxTypesAsync(string articleId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        return await db.OutboxMessages.Where(m => m.ArticleId == Guid.Parse(articleId)).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).Select(m => m.Type).ToArrayAsync();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Publishing_without_a_standfirst_or_author_is_a_422_listing_both()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Sans chapô ni signature"));
        var body = ArticleFixtures.Body(authorId, title: "Sans chapô ni signature");
        body["standfirst"] = "";
        await ReadAsync(await editor.PutArticleAsync(article.Id(), body, article.ETag()));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            await db.Database.ExecuteSqlAsync($"DELETE FROM article_authors WHERE article_id = {Guid.Parse(article.Id())}");
        }

        var response = await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.NotEmpty(problem.FieldErrors("standfirst"));
        Assert.NotEmpty(problem.FieldErrors("authorIds"));
        Assert.Equal("draft", (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{article.Id()}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Publishing_records_first_publication_an_event_and_a_revision()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Publication immédiate"));

        var published = await ReadAsync(await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null));

        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(api.Clock.GetUtcNow(), published.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(published.GetProperty("publishedAt").GetDateTimeOffset(), published.GetProperty("firstPublishedAt").GetDateTimeOffset());
        Assert.Equal(["article.published"], await OutboxTypesAsync(article.Id()));
        await (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var revisions = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{article.Id()}/revisions");
        Assert.Equal(["published", "created"], revisions.EnumerateArray().Select(r => r.GetProperty("action").GetString()!).ToArray());
    }

    [Fact]
    public async Task Scheduling_in_the_past_is_a_422_and_in_the_future_sets_the_instant()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Programmation"));

        var past = await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = api.Clock.GetUtcNow().AddMinutes(-1) });
        var problem = await past.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable");
        Assert.NotEmpty(problem.FieldErrors("publishAt"));
        await (await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var at = api.Clock.GetUtcNow().AddDays(2);
        var scheduled = await ReadAsync(await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = at.ToOffset(TimeSpan.FromHours(2)) }));
        Assert.Equal("scheduled", scheduled.GetProperty("status").GetString());
        Assert.Equal(at, scheduled.GetProperty("publishAt").GetDateTimeOffset());
        Assert.EndsWith("Z", scheduled.GetProperty("publishAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, scheduled.GetProperty("firstPublishedAt").ValueKind);

        var unscheduled = await ReadAsync(await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/unschedule", null));
        Assert.Equal("draft", unscheduled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, unscheduled.GetProperty("publishAt").ValueKind);
        await (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/unschedule", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task A_scheduled_article_goes_live_by_itself_once_its_time_has_come()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Mise en ligne programmée"));
        var at = api.Clock.GetUtcNow().AddMinutes(10);
        await ReadAsync(await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = at }));

        api.Clock.Advance(TimeSpan.FromMinutes(11));
        JsonElement current = default;
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(5); waited += TimeSpan.FromMilliseconds(100))
        {
            api.Clock.Advance(TimeSpan.FromSeconds(1));
            current = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{article.Id()}");
            if (current.GetProperty("status").GetString() == "published")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("published", current.GetProperty("status").GetString());
        Assert.Equal(at, current.GetProperty("firstPublishedAt").GetDateTimeOffset());
        Assert.Equal(at, current.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(["article.published"], await OutboxTypesAsync(article.Id()));
        var revisions = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{article.Id()}/revisions");
        Assert.Equal(JsonValueKind.Null, revisions[0].GetProperty("createdBy").ValueKind);
    }

    [Fact]
    public async Task Withdrawing_then_republishing_keeps_the_first_publication_instant()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Retrait puis republication"));
        var first = await ReadAsync(await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null));

        api.Clock.Advance(TimeSpan.FromMinutes(20));
        var withdrawn = await ReadAsync(await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/withdraw", null));
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        await (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");

        api.Clock.Advance(TimeSpan.FromMinutes(10));
        var again = await ReadAsync(await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null));
        Assert.Equal(first.GetProperty("firstPublishedAt").GetDateTimeOffset(), again.GetProperty("firstPublishedAt").GetDateTimeOffset());
        Assert.Equal(api.Clock.GetUtcNow(), again.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal(["article.published", "article.withdrawn", "article.published"], await OutboxTypesAsync(article.Id()));
    }

    [Fact]
    public async Task Editing_a_published_article_emits_an_update_event_and_keeps_its_old_slug()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Titre d’origine"));
        var beforePublication = await ReadAsync(await editor.PutArticleAsync(article.Id(), ArticleFixtures.Body(authorId, title: "Titre d’origine", slug: "titre-corrige-avant"), article.ETag()));
        Assert.Empty(beforePublication.GetProperty("previousSlugs").EnumerateArray());

        var published = await ReadAsync(await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null));
        var renamed = await ReadAsync(await editor.PutArticleAsync(article.Id(), ArticleFixtures.Body(authorId, title: "Titre corrigé", slug: "titre-corrige-apres"), published.ETag()));

        Assert.Equal("titre-corrige-apres", renamed.GetProperty("slug").GetString());
        Assert.Equal(["titre-corrige-avant"], renamed.GetProperty("previousSlugs").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal(["article.published", "article.updated"], await OutboxTypesAsync(article.Id()));
        var other = await editor.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, title: "Voleur de slug", slug: "titre-corrige-avant"));
        await other.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_makes_no_revision()
    {
        var (editor, authorId) = await EditorAsync();
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Rien ne change"));

        var same = await ReadAsync(await editor.PutArticleAsync(article.Id(), ArticleFixtures.Body(authorId, title: "Rien ne change"), article.ETag()));

        Assert.Equal(1, same.GetProperty("revisionCount").GetInt32());
        Assert.Equal(article.ETag(), same.ETag());
    }
}
