using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Sections;

public sealed class SectionsEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task The_six_rubriques_are_seeded_in_navigation_order()
    {
        var sections = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/sections");

        var slugs = sections.EnumerateArray().Select(s => s.GetProperty("slug").GetString()!).Take(6).ToArray();
        Assert.Equal(new[] { "technologies", "entretiens", "usages", "business", "revue-de-web", "focus" }, slugs);
    }

    [Fact]
    public async Task A_section_is_read_by_slug_and_public_reads_are_cacheable()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/sections/revue-de-web");

        response.EnsureSuccessStatusCode();
        var section = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Revue de web", section.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, section.GetProperty("description").ValueKind);
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", response.CacheControl());
    }

    [Fact]
    public async Task An_unknown_section_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/sections/nulle-part");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("nulle-part", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_creates_a_section_whose_slug_comes_from_its_French_name()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "  Œuvres & Stratégies d’Été  ", description = "Dossiers" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("oeuvres-strategies-d-ete", created.GetProperty("slug").GetString());
        Assert.Equal("Œuvres & Stratégies d’Été", created.GetProperty("name").GetString());
        Assert.True(Guid.TryParse(created.GetProperty("id").GetString(), out _));
        Assert.Equal("/api/v1/sections/oeuvres-strategies-d-ete", response.Headers.Location?.ToString());
        Assert.Equal("private, no-store", response.CacheControl());
        var read = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/sections/oeuvres-strategies-d-ete");
        Assert.Equal(created.GetProperty("id").GetString(), read.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_second_section_with_the_same_slug_is_a_409_from_the_database()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        (await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Podcasts" })).EnsureSuccessStatusCode();

        var duplicate = await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "PODCASTS !" });

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var all = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/sections");
        Assert.Single(all.EnumerateArray(), s => s.GetProperty("slug").GetString() == "podcasts");
    }

    [Fact]
    public async Task Invalid_sections_are_refused_with_every_field_named()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = new string('x', 61), description = "bad\u0001text", position = -1 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("name"));
        Assert.NotEmpty(problem.FieldErrors("description"));
        Assert.NotEmpty(problem.FieldErrors("position"));
    }

    [Fact]
    public async Task A_name_without_letters_or_digits_is_refused()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        var response = await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "« ! »" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("name"));
    }

    [Fact]
    public async Task An_editor_renames_moves_and_deletes_a_section()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var created = await (await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Vidéo" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();

        var renamed = await editor.PutAsJsonAsync($"/api/v1/admin/sections/{id}", new { name = "Vidéos mobiles", description = "Formats courts", position = 42 });
        renamed.EnsureSuccessStatusCode();
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("videos-mobiles", body.GetProperty("slug").GetString());
        Assert.Equal(42, body.GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/sections/video")).StatusCode);

        var deleted = await editor.DeleteAsync($"/api/v1/admin/sections/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/sections/videos-mobiles")).StatusCode);
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_section_is_a_404()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        await (await editor.PutAsJsonAsync($"/api/v1/admin/sections/{Guid.NewGuid()}", new { name = "X" })).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.DeleteAsync($"/api/v1/admin/sections/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Authors_may_not_manage_sections_and_anonymous_callers_must_sign_in()
    {
        var author = await api.CreateClientAsAsync(Roles.Author);

        await (await author.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Interdit" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.CreateClient().PostAsJsonAsync("/api/v1/admin/sections", new { name = "Interdit" })).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/sections/interdit")).StatusCode);
    }
}
