using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Domain.Users;
using Newsroom.IntegrationTests.Security;

namespace Newsroom.IntegrationTests.SharedState;

/// <summary>
/// Two instances on one database behave as one: what one of them protected, recorded or counted, the other one
/// knows, because it lives in the database rather than in an instance's memory or data folder.
/// </summary>
public sealed class SharedStateBetweenInstancesTests(SharedStateBetweenInstancesTests.Instances api) : IClassFixture<SharedStateBetweenInstancesTests.Instances>
{
    public sealed class Instances : TwoInstances
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            // Both publishers look often, so their rounds overlap and SKIP LOCKED is what keeps them apart.
            ["Newsroom:Publishing:PollSeconds"] = "0.05",
            // A wait long enough to be still running when the next attempt comes, however loaded the machine.
            ["Newsroom:SignIn:FirstDelaySeconds"] = "600",
        };
    }

    [Fact]
    public async Task Two_instances_starting_together_on_a_new_database_both_start_and_make_one_first_admin()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.A.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.B.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal((long)Roles.All.Count, await api.QueryAsync<long>("SELECT count(*) FROM roles"));
        Assert.Equal(1L, await api.QueryAsync<long>("SELECT count(*) FROM users WHERE email = $1", NewsroomApiFactory.AdminEmail));
    }

    [Fact]
    public async Task A_payload_protected_by_one_instance_is_unprotected_by_the_other_with_the_key_ring_in_the_database()
    {
        var payload = api.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(Encoding.UTF8.GetBytes("la une de demain"));

        var unprotected = api.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload);

        Assert.Equal("la une de demain", Encoding.UTF8.GetString(unprotected));
        // A protected payload starts with a 4-byte magic header, then the id of the key that protected it.
        var keyId = new Guid(payload.AsSpan(4, 16));
        Assert.Equal(1L, await api.QueryAsync<long>("SELECT count(*) FROM data_protection_keys WHERE friendly_name = $1", $"key-{keyId:D}"));
    }

    [Fact]
    public async Task A_creation_answered_by_one_instance_is_replayed_by_the_other_for_the_same_Idempotency_Key()
    {
        var (_, token) = await api.A.CreateUserWithTokenAsync(Roles.Editor);
        var authorId = await api.A.CreateAuthorAsync("Claire Dumont");
        var title = "Retour de la réforme " + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(api.A.CreateClientWithToken(token), ArticleFixtures.Body(authorId, title), key);
        var retry = await PostWithKeyAsync(api.B.CreateClientWithToken(token), ArticleFixtures.Body(authorId, title), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(1L, await api.QueryAsync<long>("SELECT count(*) FROM articles WHERE title = $1", title));
    }

    [Fact]
    public async Task Failed_sign_ins_through_both_instances_add_up_to_one_throttle()
    {
        var (owner, _) = await api.A.CreateUserWithTokenAsync(Roles.Author);
        const string Guesser = "203.0.113.70";
        var throughA = api.A.CreateClientFrom(Guesser);
        var throughB = api.B.CreateClientFrom(Guesser);

        // Five free failures and one that earns a wait, taken in turns: each instance saw only three.
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var client = attempt % 2 == 0 ? throughA : throughB;
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.AttemptAsync(owner.Email, "mauvais-essai-" + attempt)).StatusCode);
        }

        Assert.True(await (await throughA.AttemptAsync(owner.Email, "encore-un")).AssertThrottledAsync() > 0);
        Assert.True(await (await throughB.AttemptAsync(owner.Email, "et-encore")).AssertThrottledAsync() > 0);
    }

    [Fact]
    public async Task Articles_due_while_both_instances_run_are_each_published_once()
    {
        var editor = await api.A.CreateClientAsAsync(Roles.Editor);
        var authorId = await api.A.CreateAuthorAsync("Hugo Lefèbvre");
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var article = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, $"Édition du matin n°{i} {Guid.NewGuid():N}"));
            var scheduled = await editor.PostAsJsonAsync($"/api/v1/admin/articles/{article.Id()}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddHours(1) });
            Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
            ids.Add(Guid.Parse(article.Id()));
        }

        // All ten fall due at the same instant while both publishers poll (the API's clock is the real one).
        await api.QueryAsync<int>("WITH due AS (UPDATE articles SET publish_at = now() - interval '1 second' WHERE id = ANY($1) RETURNING 1) SELECT count(*)::int FROM due", ids.ToArray());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long published;
        while ((published = await api.QueryAsync<long>("SELECT count(*) FROM articles WHERE id = ANY($1) AND status = 'Published'", ids.ToArray())) < ids.Count
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(ids.Count, published);
        // Both publishers keep polling meanwhile: a second publication would show as a second revision or event.
        Assert.Equal(ids.Count, await api.QueryAsync<long>("SELECT count(*) FROM article_revisions WHERE article_id = ANY($1) AND action = 'published'", ids.ToArray()));
        Assert.Equal(ids.Count, await api.QueryAsync<long>("SELECT count(*) FROM outbox_messages WHERE article_id = ANY($1) AND type = 'article.published'", ids.ToArray()));
        var throughB = api.B.CreateClientWithToken(editor.DefaultRequestHeaders.Authorization!.Parameter!);
        var seenByB = await throughB.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{ids[0]}");
        Assert.Equal("published", seenByB.GetProperty("status").GetString());
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, Dictionary<string, object?> body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/articles") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
