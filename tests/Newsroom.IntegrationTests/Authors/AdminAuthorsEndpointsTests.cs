using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Authors;

public sealed class AdminAuthorsEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static async Task<JsonElement> CreateAsync(HttpClient editor, object body)
    {
        var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_editor_creates_an_author_whose_slug_comes_from_the_name()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", new
        {
            name = "  Élodie Lefèvre  ",
            bio = "Spécialiste des télécoms.",
            avatarUrl = "https://cdn.exemple.fr/elodie.jpg",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var author = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("elodie-lefevre", author.GetProperty("slug").GetString());
        Assert.Equal("Élodie Lefèvre", author.GetProperty("name").GetString());
        Assert.Equal("Spécialiste des télécoms.", author.GetProperty("bio").GetString());
        Assert.Equal("https://cdn.exemple.fr/elodie.jpg", author.GetProperty("avatarUrl").GetString());
        Assert.Equal(JsonValueKind.Null, author.GetProperty("userId").ValueKind);
        Assert.Equal("/api/v1/authors/elodie-lefevre", response.Headers.Location?.ToString());
        Assert.Equal("private, no-store", response.CacheControl());
        var read = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/authors/{author.GetProperty("id").GetString()}");
        Assert.Equal("elodie-lefevre", read.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task An_author_may_be_given_a_slug_and_linked_to_an_account()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var (account, _) = await api.CreateUserWithTokenAsync(Roles.Author);

        var author = await CreateAsync(editor, new { name = "La rédaction", slug = "redaction", userId = account.Id });

        Assert.Equal("redaction", author.GetProperty("slug").GetString());
        Assert.Equal(account.Id, author.GetProperty("userId").GetGuid());
        Assert.Equal(JsonValueKind.Null, author.GetProperty("bio").ValueKind);
        Assert.Equal(JsonValueKind.Null, author.GetProperty("avatarUrl").ValueKind);
    }

    [Fact]
    public async Task A_second_author_with_a_taken_slug_is_a_409_from_the_database()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        await CreateAsync(editor, new { name = "Marc Petit" });

        var sameName = await editor.PostAsJsonAsync("/api/v1/admin/authors", new { name = "MARC PETIT" });
        var sameSlug = await editor.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Marc Petit (pigiste)", slug = "marc-petit" });

        var problem = await sameName.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains("slug", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await sameSlug.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var all = await editor.GetFromJsonAsync<JsonElement>("/api/v1/admin/authors");
        Assert.Single(all.EnumerateArray(), a => a.GetProperty("slug").GetString() == "marc-petit");
    }

    [Fact]
    public async Task Invalid_authors_are_refused_with_every_field_named()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", new
        {
            name = new string('x', 101),
            slug = "Pas Un Slug",
            bio = new string('b', 1001),
            avatarUrl = "http://exemple.fr/photo.jpg",
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        foreach (var field in new[] { "name", "slug", "bio", "avatarUrl" })
        {
            Assert.NotEmpty(problem.FieldErrors(field));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("« ! »")]
    [InlineData("Jean\u0007Dupont")]
    public async Task A_name_that_is_empty_has_no_letters_or_holds_control_characters_is_refused(string name)
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", new { name });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("name"));
    }

    [Fact]
    public async Task A_bio_with_control_characters_is_refused_but_line_breaks_are_kept()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var refused = await editor.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Bio Sale", bio = "ligne\u0000nulle" });
        var accepted = await CreateAsync(editor, new { name = "Bio Propre", bio = "Première ligne.\nSeconde ligne." });

        Assert.NotEmpty((await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("bio"));
        Assert.Equal("Première ligne.\nSeconde ligne.", accepted.GetProperty("bio").GetString());
    }

    [Fact]
    public async Task Linking_an_author_to_an_unknown_account_is_a_400_on_userId()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Compte Fantôme", userId = Guid.NewGuid() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("userId"));
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/authors/compte-fantome")).StatusCode);
    }

    [Fact]
    public async Task An_update_replaces_the_profile_and_keeps_the_slug_unless_one_is_given()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var (account, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var id = (await CreateAsync(editor, new { name = "Sophie Martin", bio = "Pigiste", userId = account.Id })).GetProperty("id").GetString();

        var renamed = await editor.PutAsJsonAsync($"/api/v1/admin/authors/{id}", new { name = "Sophie Martin-Roux", avatarUrl = "https://cdn.exemple.fr/sophie.png" });
        renamed.EnsureSuccessStatusCode();
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sophie-martin", body.GetProperty("slug").GetString());
        Assert.Equal("Sophie Martin-Roux", body.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("bio").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("userId").ValueKind);

        // Readers see an author through a public article only.
        await api.InsertArticleAsync(SeededState.Published, [Guid.Parse(id!)]);
        var reslugged = await editor.PutAsJsonAsync($"/api/v1/admin/authors/{id}", new { name = "Sophie Martin-Roux", slug = "sophie-martin-roux" });
        Assert.Equal("sophie-martin-roux", (await reslugged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/authors/sophie-martin-roux")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/authors/sophie-martin")).StatusCode);
    }

    [Fact]
    public async Task Updating_to_a_slug_another_author_has_is_a_409()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        await CreateAsync(editor, new { name = "Paul Girard" });
        var id = (await CreateAsync(editor, new { name = "Paula Girard" })).GetProperty("id").GetString();

        var response = await editor.PutAsJsonAsync($"/api/v1/admin/authors/{id}", new { name = "Paula Girard", slug = "paul-girard" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task An_update_is_validated_like_a_creation()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await CreateAsync(editor, new { name = "Valide Avant" })).GetProperty("id").GetString();

        var response = await editor.PutAsJsonAsync($"/api/v1/admin/authors/{id}", new { name = "", slug = "-x-", avatarUrl = "javascript:alert(1)", userId = Guid.NewGuid() });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        foreach (var field in new[] { "name", "slug", "avatarUrl" })
        {
            Assert.NotEmpty(problem.FieldErrors(field));
        }
    }

    [Fact]
    public async Task Authors_are_listed_by_name_as_a_French_reader_sorts_them()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        foreach (var name in new[] { "Zoé Zerbib", "Émilie Durand", "eric Blanc", "Anne Aubert" })
        {
            await CreateAsync(editor, new { name });
        }

        var all = await editor.GetFromJsonAsync<JsonElement>("/api/v1/admin/authors");

        var names = all.EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        var mine = names.Where(n => n is "Zoé Zerbib" or "Émilie Durand" or "eric Blanc" or "Anne Aubert").ToArray();
        Assert.Equal(new[] { "Anne Aubert", "Émilie Durand", "eric Blanc", "Zoé Zerbib" }, mine);
    }

    [Fact]
    public async Task An_author_who_signs_no_article_is_deleted()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await CreateAsync(editor, new { name = "Éphémère" })).GetProperty("id").GetString();

        var deleted = await editor.DeleteAsync($"/api/v1/admin/authors/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await editor.GetAsync($"/api/v1/admin/authors/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/authors/ephemere")).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_author_who_still_signs_articles_is_a_409_and_keeps_the_author()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await CreateAsync(editor, new { name = "Signataire Fidèle" });
        var id = author.GetProperty("id").GetGuid();
        await api.InsertArticleAsync(SeededState.Draft, [id]);

        var response = await editor.DeleteAsync($"/api/v1/admin/authors/{id}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains("signs articles", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/admin/authors/{id}")).StatusCode);
    }

    [Fact]
    public async Task Reading_updating_or_deleting_an_unknown_author_is_a_404()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var unknown = Guid.NewGuid();

        await (await editor.GetAsync($"/api/v1/admin/authors/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.PutAsJsonAsync($"/api/v1/admin/authors/{unknown}", new { name = "Personne" })).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.DeleteAsync($"/api/v1/admin/authors/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Authors_may_not_manage_bylines_and_anonymous_callers_must_sign_in()
    {
        var author = await api.CreateClientAsAsync(Roles.Author);
        var anonymous = api.CreateClient();

        await (await author.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Interdit" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await author.GetAsync("/api/v1/admin/authors")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await author.DeleteAsync($"/api/v1/admin/authors/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await anonymous.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Interdit" })).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.GetAsync("/api/v1/admin/authors")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/authors/interdit")).StatusCode);
    }

    [Fact]
    public async Task An_admin_manages_authors_too()
    {
        var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/authors", new { name = "Admin Auteur" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
