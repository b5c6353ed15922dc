using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 11 (a): an Author probing ids learnt that another Author's draft existed, because it answered 403 where an
/// unknown id answers 404. Every admin article route now answers an article the Author may not see exactly as it answers
/// an id that matches nothing; only an article the Author can see but may not change (their own, once out of draft) is a 403.
/// </summary>
public sealed class ArticleExistenceProbingTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private sealed record Author(HttpClient Client, Guid AuthorId);

    private async Task<Author> AuthorAsync(string name)
    {
        var (user, token) = await api.CreateUserWithTokenAsync(Roles.Author);
        return new Author(api.CreateClientWithToken(token), await api.CreateAuthorAsync(name, user.Id));
    }

    /// <summary>
    /// Every admin route addressing one article, with what an Author gets there for an article they may not see: 404,
    /// except the editorial actions, which refuse the Author's role (403) whatever the id, so they tell nothing either.
    /// </summary>
    private static IEnumerable<(string Route, HttpStatusCode Expected, Func<HttpClient, string, Task<HttpResponseMessage>> Call)> Routes(Guid authorId) =>
    [
        ("GET /{id}", HttpStatusCode.NotFound, (c, id) => c.GetAsync($"/api/v1/admin/articles/{id}")),
        ("PUT /{id}", HttpStatusCode.NotFound, (c, id) => c.PutArticleAsync(id, ArticleFixtures.Body(authorId, title: "Détourné"), "\"1\"")),
        ("PUT /{id} without If-Match", HttpStatusCode.NotFound, (c, id) => c.PutArticleAsync(id, ArticleFixtures.Body(authorId, title: "Détourné"), null)),
        ("DELETE /{id}", HttpStatusCode.NotFound, (c, id) => c.DeleteAsync($"/api/v1/admin/articles/{id}")),
        ("GET /{id}/preview", HttpStatusCode.NotFound, (c, id) => c.GetAsync($"/api/v1/admin/articles/{id}/preview")),
        ("GET /{id}/revisions", HttpStatusCode.NotFound, (c, id) => c.GetAsync($"/api/v1/admin/articles/{id}/revisions")),
        ("GET /{id}/revisions/1", HttpStatusCode.NotFound, (c, id) => c.GetAsync($"/api/v1/admin/articles/{id}/revisions/1")),
        ("POST /{id}/revisions/1/restore", HttpStatusCode.NotFound, (c, id) => c.PostAsync($"/api/v1/admin/articles/{id}/revisions/1/restore", null)),
        ("POST /{id}/publish", HttpStatusCode.Forbidden, (c, id) => c.PostAsync($"/api/v1/admin/articles/{id}/publish", null)),
        ("POST /{id}/schedule", HttpStatusCode.Forbidden, (c, id) => c.PostAsJsonAsync($"/api/v1/admin/articles/{id}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) })),
        ("POST /{id}/unschedule", HttpStatusCode.Forbidden, (c, id) => c.PostAsync($"/api/v1/admin/articles/{id}/unschedule", null)),
        ("POST /{id}/withdraw", HttpStatusCode.Forbidden, (c, id) => c.PostAsync($"/api/v1/admin/articles/{id}/withdraw", null)),
        ("PUT /{id}/related", HttpStatusCode.Forbidden, (c, id) => c.PutAsJsonAsync($"/api/v1/admin/articles/{id}/related", new { articleIds = Array.Empty<Guid>() })),
    ];

    [Fact]
    public async Task An_author_probing_another_authors_draft_gets_the_answer_of_an_id_that_matches_nothing_on_every_route()
    {
        var me = await AuthorAsync("Sarah Lemoine");
        var other = await AuthorAsync("Hugo Marchal");
        var theirs = (await other.Client.CreateArticleAsync(ArticleFixtures.Body(other.AuthorId, title: "Le scoop de Hugo"))).Id();
        var unknown = Guid.CreateVersion7().ToString();

        foreach (var (route, expected, call) in Routes(me.AuthorId))
        {
            var forTheirs = await AnswerAsync(await call(me.Client, theirs), theirs);
            var forUnknown = await AnswerAsync(await call(me.Client, unknown), unknown);

            Assert.True(expected == forTheirs.Status, $"{route}: another author's draft answers {forTheirs}, expected {(int)expected}");
            Assert.True(forUnknown == forTheirs, $"{route}: another author's draft answers {forTheirs}, an unknown id {forUnknown}");
        }

        var still = await other.Client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/articles/{theirs}");
        Assert.Equal("Le scoop de Hugo", still.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_author_reading_another_authors_published_article_in_the_back_office_gets_404()
    {
        var me = await AuthorAsync("Lina Haddad");
        var other = await AuthorAsync("Paul Girard");
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var theirs = (await other.Client.CreateArticleAsync(ArticleFixtures.Body(other.AuthorId, title: "Publié par Paul"))).Id();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/v1/admin/articles/{theirs}/publish", null)).StatusCode);

        await (await me.Client.GetAsync($"/api/v1/admin/articles/{theirs}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await me.Client.GetAsync($"/api/v1/admin/articles/{theirs}/revisions")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_author_changing_their_own_article_once_out_of_draft_still_gets_403()
    {
        var me = await AuthorAsync("Chloé Vasseur");
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var mine = await me.Client.CreateArticleAsync(ArticleFixtures.Body(me.AuthorId, title: "Mon papier publié"));
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{mine.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();

        await (await me.Client.PutArticleAsync(mine.Id(), ArticleFixtures.Body(me.AuthorId, title: "Retouche"), published.ETag())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await me.Client.DeleteAsync($"/api/v1/admin/articles/{mine.Id()}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await me.Client.PostAsync($"/api/v1/admin/articles/{mine.Id()}/revisions/1/restore", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    /// <summary>Status, problem type and detail, with the id itself taken out of the detail.</summary>
    private static async Task<(HttpStatusCode Status, string? Type, string? Detail)> AnswerAsync(HttpResponseMessage response, string id)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return (response.StatusCode, null, null);
        }

        var problem = JsonDocument.Parse(body).RootElement;
        return (response.StatusCode, problem.GetProperty("type").GetString(), problem.GetProperty("detail").GetString()?.Replace(id, "{id}", StringComparison.Ordinal));
    }
}
