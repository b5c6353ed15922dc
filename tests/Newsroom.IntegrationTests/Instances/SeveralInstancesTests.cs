using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Infrastructure.Instances;
using Newsroom.Infrastructure.Search;
using Npgsql;
using Xunit.Abstractions;

namespace Newsroom.IntegrationTests.Instances;

/// <summary>
/// Two API instances on one database, each with its own server cache: a change committed through either is evicted
/// from both (LISTEN/NOTIFY), and an instance whose listener lost its connection drops its whole cache once it
/// listens again. Server caches keep answers 60 s: an instance that missed a change would serve it stale past the
/// 10 s deadlines.
/// </summary>
public sealed class SeveralInstancesTests(TwoInstances instances, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    private const string List = "/api/v1/articles?limit=50";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_article_published_through_one_instance_is_served_by_the_other_although_it_had_cached_the_list()
    {
        var editor = await instances.A.CreateAdminClientAsync();
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(await instances.A.CreateAuthorAsync("Deux Instances"), title: "Publié sur une instance, lu sur l’autre"));
        var page = $"/api/v1/articles/{draft.GetProperty("slug").GetString()}";
        var reader = instances.B.CreateClient();
        Assert.DoesNotContain(draft.Id(), await reader.GetStringAsync(List), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(page)).StatusCode);

        (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).EnsureSuccessStatusCode();
        var took = await Polling.UntilAsync(
            async () => (await reader.GetStringAsync(List)).Contains(draft.Id(), StringComparison.Ordinal) && (await reader.GetAsync(page)).StatusCode == HttpStatusCode.OK,
            Deadline, "B still serves the list without the article A published");

        output.WriteLine($"B served A's publication {took.TotalMilliseconds:0} ms after A answered the publish");
    }

    [Fact]
    public async Task An_article_withdrawn_through_one_instance_is_no_longer_served_by_the_other()
    {
        var editor = await instances.A.CreateAdminClientAsync();
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(await instances.A.CreateAuthorAsync("Retrait Croisé"), title: "Retiré sur une instance, disparu de l’autre"));
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        var page = $"/api/v1/articles/{published.GetProperty("slug").GetString()}";
        var reader = instances.A.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(page)).StatusCode);

        (await (await instances.B.CreateAdminClientAsync()).PostAsync($"/api/v1/admin/articles/{draft.Id()}/withdraw", null)).EnsureSuccessStatusCode();
        var took = await Polling.UntilAsync(
            async () => (await reader.GetAsync(page)).StatusCode == HttpStatusCode.NotFound && !(await reader.GetStringAsync(List)).Contains(draft.Id(), StringComparison.Ordinal),
            Deadline, "A still serves the article B withdrew");

        output.WriteLine($"A stopped serving B's withdrawal {took.TotalMilliseconds:0} ms after B answered the withdraw");
    }

    [Fact]
    public async Task An_instance_whose_listener_was_terminated_listens_again_and_serves_nothing_it_cached_before()
    {
        var editor = await instances.A.CreateAdminClientAsync();
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(await instances.A.CreateAuthorAsync("Écoute Coupée"), title: "Un titre d’avant la coupure"));
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        var page = $"/api/v1/articles/{published.GetProperty("slug").GetString()}";
        var reader = instances.B.CreateClient();
        await Polling.UntilAsync(async () => (await reader.GetAsync(page)).StatusCode == HttpStatusCode.OK, Deadline, "B never served the article");
        var listener = instances.B.Services.GetRequiredService<PublicChangeListener>();
        var terminated = listener.BackendProcessId;
        Assert.Contains(terminated, await ListenersAsync());

        await ExecuteAsync($"SELECT pg_terminate_backend({terminated})");
        // A change whose notification B cannot hear: made behind every instance's back while B is disconnected.
        await instances.A.ExecuteBehindTheApiAsync($"UPDATE articles SET title = 'Un titre changé pendant la coupure' WHERE id = {Guid.Parse(draft.Id())}");

        var clock = Stopwatch.StartNew();
        await Polling.UntilAsync(() => Task.FromResult(listener.BackendProcessId is var now && now != 0 && now != terminated), Deadline, "B's listener did not reconnect");
        output.WriteLine($"B listened again {clock.ElapsedMilliseconds} ms after its listener's backend was terminated");
        Assert.Contains("Un titre changé pendant la coupure", await reader.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Contains(listener.BackendProcessId, await ListenersAsync());
    }

    [Fact]
    public async Task A_rebuild_of_the_search_vocabulary_drops_the_other_instances_searches_and_only_them()
    {
        var editor = await instances.A.CreateAdminClientAsync();
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(await instances.A.CreateAuthorAsync("Vocabulaire Partagé"), title: "Escale à Zanzibar"));
        (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).EnsureSuccessStatusCode();
        var reader = instances.B.CreateClient();
        // Until B answers the list from its cache (an Age header): a read concurrent with an eviction is not stored.
        await Polling.UntilAsync(async () =>
        {
            using var listed = await reader.GetAsync(List);
            return listed.Headers.Age is not null && (await listed.Content.ReadAsStringAsync()).Contains("Escale à Zanzibar", StringComparison.Ordinal);
        }, Deadline, "B never served the list with the article from its cache");
        await Polling.UntilAsync(async () => (await reader.GetStringAsync("/api/v1/search?q=zanzibar")).Contains("Escale à Zanzibar", StringComparison.Ordinal), Deadline, "B never found the article");
        var refresher = instances.A.Services.GetRequiredService<SearchVocabularyRefresher>();
        await refresher.CaughtUpAsync(CancellationToken.None);

        await instances.A.ExecuteBehindTheApiAsync($"UPDATE articles SET title = 'Escale prolongée à Zanzibar' WHERE id = {Guid.Parse(draft.Id())}");
        refresher.RequestRefresh();

        await Polling.UntilAsync(async () => (await reader.GetStringAsync("/api/v1/search?q=zanzibar")).Contains("Escale prolongée", StringComparison.Ordinal),
            Deadline, "B still serves the search it cached before A's vocabulary rebuild");
        Assert.DoesNotContain("Escale prolongée", await reader.GetStringAsync(List), StringComparison.Ordinal);
    }

    /// <summary>The listeners' server processes, found as operators would: by their application name.</summary>
    private async Task<List<int>> ListenersAsync()
    {
        await using var connection = new NpgsqlConnection(instances.A.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'Newsroom listener'", connection);
        var found = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetInt32(0));
        }

        return found;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(instances.A.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
