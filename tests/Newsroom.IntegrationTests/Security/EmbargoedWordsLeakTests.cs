using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Users;
using Newsroom.Infrastructure.Search;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 1 of the security audit: with an article scheduled for next week, `suggest?q=grign` answered
/// ["grignote"] and `search?q=grignotx` suggested "grignote": the vocabulary of completions and corrections counted
/// scheduled articles. Only what is public at the request's instant feeds them now: a scheduled article's words
/// from its instant to the second, with no refresh; an unscheduled or withdrawn article's words go with the rebuild
/// its change asks for, not minutes later.
/// </summary>
public sealed class EmbargoedWordsLeakTests(EmbargoedWordsLeakTests.Factory api) : IClassFixture<EmbargoedWordsLeakTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override bool UseFakeClock => true;

        // The publisher stays asleep (a day of the fake clock): going live must not depend on it or on a rebuild.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "10000",
            ["Newsroom:Publishing:PollSeconds"] = "86400",
        };
    }

    /// <summary>Until the vocabulary has been rebuilt after every change so far (bounded, so a bug fails rather than hangs).</summary>
    private Task VocabularyCaughtUpAsync() =>
        api.Services.GetRequiredService<SearchVocabularyRefresher>().CaughtUpAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>A distinct, ignored parameter per probe, so each answer comes from the engine rather than the output cache.</summary>
    private async Task<string[]> SuggestAsync(string q, string probe) =>
        await api.CreateClient().GetFromJsonAsync<string[]>($"/api/v1/search/suggest?q={Uri.EscapeDataString(q)}&probe={probe}") ?? [];

    private async Task<JsonElement> SearchAsync(string q, string probe) =>
        await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}&probe={probe}");

    private async Task<(HttpClient Editor, Guid AuthorId)> EditorAsync(string name) =>
        (await api.CreateClientAsAsync(Roles.Editor), await api.CreateAuthorAsync(name));

    [Fact]
    public async Task Suggest_and_corrections_know_a_scheduled_articles_words_from_its_instant_not_a_second_before()
    {
        var (editor, authorId) = await EditorAsync("Agathe Ferrand");
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Le chat grignote les câbles"));
        var goesLive = api.Clock.GetUtcNow().AddMinutes(10);
        (await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = goesLive })).EnsureSuccessStatusCode();
        await VocabularyCaughtUpAsync();

        api.Clock.SetUtcNow(goesLive.AddSeconds(-1));
        Assert.DoesNotContain("grignote", await SuggestAsync("grign", "before"));
        var before = await SearchAsync("grignotx", "before");
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("suggestion").ValueKind);

        api.Clock.SetUtcNow(goesLive);
        Assert.Contains("grignote", await SuggestAsync("grign", "live"));
        var live = await SearchAsync("grignotx", "live");
        Assert.Equal("grignote", live.GetProperty("suggestion").GetString());
        Assert.Equal(1, live.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_unscheduled_articles_words_never_become_completions_when_its_old_instant_comes()
    {
        var (editor, authorId) = await EditorAsync("Bruno Carrel");
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Les xylophones reviennent"));
        var wasToGoLive = api.Clock.GetUtcNow().AddMinutes(5);
        (await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = wasToGoLive })).EnsureSuccessStatusCode();
        await VocabularyCaughtUpAsync();

        (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/unschedule", null)).EnsureSuccessStatusCode();
        await VocabularyCaughtUpAsync();
        api.Clock.SetUtcNow(wasToGoLive.AddMinutes(1));

        Assert.DoesNotContain("xylophones", await SuggestAsync("xylo", "after"));
        Assert.Equal(JsonValueKind.Null, (await SearchAsync("xylophonez", "after")).GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task A_withdrawn_articles_words_stop_being_completed_once_the_rebuild_its_withdrawal_asked_for_is_done()
    {
        var (editor, authorId) = await EditorAsync("Claire Vasseur");
        var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Le zygomatique des marmottes"));
        (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/publish", null)).EnsureSuccessStatusCode();
        await VocabularyCaughtUpAsync();
        Assert.Contains("zygomatique", await SuggestAsync("zygo", "same"));

        (await editor.PostAsync($"/api/v1/admin/articles/{article.Id()}/withdraw", null)).EnsureSuccessStatusCode();
        // Asked while the rebuild may still be running: an answer cached then must not outlive the rebuild.
        await SuggestAsync("zygo", "same");
        await VocabularyCaughtUpAsync();

        Assert.DoesNotContain("zygomatique", await SuggestAsync("zygo", "same"));
        Assert.Equal(JsonValueKind.Null, (await SearchAsync("zygomatiqe", "after")).GetProperty("suggestion").ValueKind);
    }
}
