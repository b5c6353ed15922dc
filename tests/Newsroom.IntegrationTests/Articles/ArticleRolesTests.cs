using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Articles;

/// <summary>Who may do what to an article: each role against each action.</summary>
public sealed class ArticleRolesTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private sealed record Author(HttpClient Client, Guid AuthorId);

    /// <summary>An account with the Author role and the byline profile linked to it.</summary>
    private async Task<Author> AuthorAsync(string name)
    {
        var (user, token) = await api.CreateUserWithTokenAsync(Roles.Author);
        return new Author(api.CreateClientWithToken(token), await api.CreateAuthorAsync(name, user.Id));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_editorial_action()
    {
        var anonymous = api.CreateClient();
        var id = Guid.NewGuid();

        foreach (var response in new[]
        {
            await anonymous.GetAsync("/api/v1/admin/articles"),
            await anonymous.GetAsync($"/api/v1/admin/articles/{id}"),
            await anonymous.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(Guid.NewGuid())),
            await anonymous.PutArticleAsync(id.ToString(), ArticleFixtures.Body(Guid.NewGuid()), "\"1\""),
            await anonymous.DeleteAsync($"/api/v1/admin/articles/{id}"),
            await anonymous.PostAsync($"/api/v1/admin/articles/{id}/publish", null),
            await anonymous.PostAsJsonAsync($"/api/v1/admin/articles/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) }),
            await anonymous.PostAsync($"/api/v1/admin/articles/{id}/unschedule", null),
            await anonymous.PostAsync($"/api/v1/admin/articles/{id}/withdraw", null),
            await anonymous.GetAsync($"/api/v1/admin/articles/{id}/revisions"),
            await anonymous.GetAsync($"/api/v1/admin/articles/{id}/preview"),
            await anonymous.PostAsync($"/api/v1/admin/articles/{id}/revisions/1/restore", null),
        })
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
    }

    [Fact]
    public async Task An_author_writes_reads_edits_and_deletes_their_own_drafts()
    {
        var me = await AuthorAsync("Nadia Benali");

        var draft = await me.Client.CreateArticleAsync(ArticleFixtures.Body(me.AuthorId, title: "Mon brouillon d’autrice"));
        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync($"/api/v1/admin/articles/{draft.Id()}")).StatusCode);
        var edited = await me.Client.PutArticleAsync(draft.Id(), ArticleFixtures.Body(me.AuthorId, title: "Mon brouillon relu"), draft.ETag());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync($"/api/v1/admin/articles/{draft.Id()}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync($"/api/v1/admin/articles/{draft.Id()}/revisions")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.Client.DeleteAsync($"/api/v1/admin/articles/{draft.Id()}")).StatusCode);
    }

    [Fact]
    public async Task An_author_may_edit_a_draft_an_editor_wrote_for_them()
    {
        var me = await AuthorAsync("Thomas Kervella");
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(me.AuthorId, title: "Brouillon signé par l’auteur"));

        var edited = await me.Client.PutArticleAsync(draft.Id(), ArticleFixtures.Body(me.AuthorId, title: "Brouillon repris par l’auteur"), draft.ETag());

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }

    [Fact]
    public async Task An_author_never_touches_another_authors_article()
    {
        var me = await AuthorAsync("Élodie Fournier");
        var other = await AuthorAsync("Claire Dubois");
        var theirs = await other.Client.CreateArticleAsync(ArticleFixtures.Body(other.AuthorId, title: "Le brouillon de Claire"));
        var id = theirs.Id();

        await (await me.Client.GetAsync($"/api/v1/admin/articles/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.Client.PutArticleAsync(id, ArticleFixtures.Body(me.AuthorId, title: "Détourné"), theirs.ETag())).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.Client.DeleteAsync($"/api/v1/admin/articles/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.Client.GetAsync($"/api/v1/admin/articles/{id}/preview")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.Client.GetAsync($"/api/v1/admin/articles/{id}/revisions")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.Client.PostAsync($"/api/v1/admin/articles/{id}/revisions/1/restore", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var list = await me.Client.GetFromJsonAsync<JsonElement>("/api/v1/admin/articles?limit=50");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => a.Id() == id);
    }

    [Fact]
    public async Task An_author_never_publishes_schedules_unschedules_or_withdraws_even_their_own()
    {
        var me = await AuthorAsync("Julien Marchetti");
        var mine = await me.Client.CreateArticleAsync(ArticleFixtures.Body(me.AuthorId, title: "Je voudrais publier"));
        var id = mine.Id();

        await (await me.Client.PostAsync($"/api/v1/admin/articles/{id}/publish", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await me.Client.PostAsJsonAsync($"/api/v1/admin/articles/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await me.Client.PostAsync($"/api/v1/admin/articles/{id}/unschedule", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await me.Client.PostAsync($"/api/v1/admin/articles/{id}/withdraw", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var still = await me.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{id}");
        Assert.Equal("draft", still.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Once_published_an_authors_article_is_read_only_for_them()
    {
        var me = await AuthorAsync("Inès Rahmani");
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var mine = await me.Client.CreateArticleAsync(ArticleFixtures.Body(me.AuthorId, title: "Publié par l’édition"));
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{mine.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, (await me.Client.GetAsync($"/api/v1/admin/articles/{mine.Id()}")).StatusCode);
        await (await me.Client.PutArticleAsync(mine.Id(), ArticleFixtures.Body(me.AuthorId, title: "Retouche tardive"), published.ETag())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await me.Client.DeleteAsync($"/api/v1/admin/articles/{mine.Id()}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Admin)]
    public async Task Editors_and_admins_do_everything_on_every_article(string role)
    {
        var someone = await AuthorAsync("Marc Delorme " + role);
        var draft = await someone.Client.CreateArticleAsync(ArticleFixtures.Body(someone.AuthorId, title: $"Article confié à {role}"));
        var boss = await api.CreateClientAsAsync(role);
        var id = draft.Id();

        var edited = await boss.PutArticleAsync(id, ArticleFixtures.Body(someone.AuthorId, title: $"Article relu par {role}"), draft.ETag());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsJsonAsync($"/api/v1/admin/articles/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(3) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsync($"/api/v1/admin/articles/{id}/unschedule", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsync($"/api/v1/admin/articles/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsync($"/api/v1/admin/articles/{id}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.PostAsync($"/api/v1/admin/articles/{id}/revisions/1/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await boss.DeleteAsync($"/api/v1/admin/articles/{id}")).StatusCode);
    }
}
