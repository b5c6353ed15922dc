using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Authors;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Authors;

public sealed class AuthorsEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private async Task<JsonElement> CreateAsync(object body)
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_author_is_read_by_slug_without_its_account_link_and_the_read_is_cacheable()
    {
        var (account, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var id = (await CreateAsync(new { name = "Claire Dubois", bio = "Télécoms", avatarUrl = "https://cdn.exemple.fr/claire.jpg", userId = account.Id })).GetProperty("id").GetGuid();
        await api.InsertArticleAsync(SeededState.Published, [id]);

        var response = await api.CreateClient().GetAsync("/api/v1/authors/claire-dubois");

        response.EnsureSuccessStatusCode();
        var author = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Claire Dubois", author.GetProperty("name").GetString());
        Assert.Equal("Télécoms", author.GetProperty("bio").GetString());
        Assert.Equal("https://cdn.exemple.fr/claire.jpg", author.GetProperty("avatarUrl").GetString());
        Assert.Equal(1, author.GetProperty("publishedArticleCount").GetInt32());
        Assert.False(author.TryGetProperty("userId", out _));
        Assert.False(author.TryGetProperty("id", out _));
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", response.CacheControl());
    }

    [Fact]
    public async Task An_unknown_author_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/authors/personne");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("personne", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_list_holds_every_author_of_public_articles_by_name_and_is_cacheable()
    {
        var yves = (await CreateAsync(new { name = "Yves Zanetti" })).GetProperty("id").GetGuid();
        var edouard = (await CreateAsync(new { name = "Édouard Bernard" })).GetProperty("id").GetGuid();
        await api.InsertArticleAsync(SeededState.Published, [yves, edouard]);

        var response = await api.CreateClient().GetAsync("/api/v1/authors");

        response.EnsureSuccessStatusCode();
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", response.CacheControl());
        var authors = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var names = authors.Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.True(names.IndexOf("Édouard Bernard") < names.IndexOf("Yves Zanetti"), string.Join(", ", names));
        Assert.All(authors, a => Assert.False(a.TryGetProperty("userId", out _)));
    }

    [Fact]
    public async Task Only_articles_readers_can_see_count_towards_an_authors_published_articles()
    {
        var id = (await CreateAsync(new { name = "Compteur Public" })).GetProperty("id").GetGuid();
        var coAuthor = await api.InsertAuthorAsync("Co-signataire");
        await api.InsertArticleAsync(SeededState.Published, [id]);
        await api.InsertArticleAsync(SeededState.Published, [coAuthor, id]);
        await api.InsertArticleAsync(SeededState.ScheduledAndDue, [id]);
        await api.InsertArticleAsync(SeededState.ScheduledLater, [id]);
        await api.InsertArticleAsync(SeededState.Draft, [id]);
        await api.InsertArticleAsync(SeededState.Withdrawn, [id]);

        var author = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/authors/compteur-public");
        var listed = (await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/authors")).EnumerateArray()
            .Single(a => a.GetProperty("slug").GetString() == "compteur-public");

        Assert.Equal(3, author.GetProperty("publishedArticleCount").GetInt32());
        Assert.Equal(3, listed.GetProperty("publishedArticleCount").GetInt32());
    }

    [Fact]
    public async Task The_author_profiles_linked_to_an_account_are_found_by_its_user_id()
    {
        var (account, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var first = (await CreateAsync(new { name = "Profil Un", userId = account.Id })).GetProperty("id").GetGuid();
        var second = (await CreateAsync(new { name = "Profil Deux", userId = account.Id })).GetProperty("id").GetGuid();
        await CreateAsync(new { name = "Profil Sans Compte" });

        await using var scope = api.Services.CreateAsyncScope();
        var authors = scope.ServiceProvider.GetRequiredService<IAuthorRepository>();
        var ids = await authors.AuthorIdsOfUserAsync(account.Id, CancellationToken.None);
        var none = await authors.AuthorIdsOfUserAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(new[] { first, second }.Order(), ids.Order());
        Assert.Empty(none);
    }
}
