using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Infrastructure.Persistence;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Tags;

public sealed class AdminTagsEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Editors_list_every_tag_by_name_with_articles_of_any_status_counted()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await api.InsertAuthorAsync("Listeuse");
        var ids = await api.EnsureTagsAsync("Zèbre liste", "Écran liste", "Abeille liste");
        await api.InsertArticleAsync(SeededState.Draft, [author], [ids[1]]);
        await api.InsertArticleAsync(SeededState.Published, [author], [ids[1], ids[2]]);

        var response = await editor.GetAsync("/api/v1/admin/tags");

        response.EnsureSuccessStatusCode();
        Assert.Equal("private, no-store", response.CacheControl());
        var tags = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Where(t => t.GetProperty("slug").GetString()!.EndsWith("-liste", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "Abeille liste", "Écran liste", "Zèbre liste" }, tags.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(new[] { 1, 2, 0 }, tags.Select(t => t.GetProperty("articleCount").GetInt32()));
        Assert.Equal(ids[2], tags[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_editor_reads_one_tag_by_id()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await api.EnsureTagsAsync("Lecture seule"))[0];

        var tag = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/tags/{id}");

        Assert.Equal("lecture-seule", tag.GetProperty("slug").GetString());
        Assert.Equal(0, tag.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task Renaming_a_tag_moves_its_slug_and_keeps_its_articles()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await api.InsertAuthorAsync("Renommeuse");
        var id = (await api.EnsureTagsAsync("intelligence artifficielle"))[0];
        await api.InsertArticleAsync(SeededState.Published, [author], [id]);

        var response = await editor.PutAsJsonAsync($"/api/v1/admin/tags/{id}", new { name = "  Intelligence   artificielle " });

        response.EnsureSuccessStatusCode();
        var tag = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Intelligence artificielle", tag.GetProperty("name").GetString());
        Assert.Equal("intelligence-artificielle", tag.GetProperty("slug").GetString());
        Assert.Equal(1, tag.GetProperty("articleCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/tags/intelligence-artificielle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/tags/intelligence-artifficielle")).StatusCode);
    }

    [Fact]
    public async Task Search_knows_articles_by_their_tags_current_names_after_a_rename_a_merge_or_a_deletion()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await api.InsertAuthorAsync("Indexeur de tags");
        var ids = await api.EnsureTagsAsync("Zeppelins", "Dirigeables", "Montgolfières");
        var article = await api.InsertArticleAsync(SeededState.Published, [author], [ids[0], ids[2]]);

        (await editor.PutAsJsonAsync($"/api/v1/admin/tags/{ids[0]}", new { name = "Aérostats" })).EnsureSuccessStatusCode();
        Assert.Equal("Aérostats | Montgolfières", await SearchTagsAsync(article));
        var found = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?q=aerostats");
        Assert.Contains(article, found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("id").GetGuid()));

        (await editor.PostAsJsonAsync($"/api/v1/admin/tags/{ids[0]}/merge", new { targetId = ids[1] })).EnsureSuccessStatusCode();
        Assert.Equal("Dirigeables | Montgolfières", await SearchTagsAsync(article));

        (await editor.DeleteAsync($"/api/v1/admin/tags/{ids[2]}")).EnsureSuccessStatusCode();
        Assert.Equal("Dirigeables", await SearchTagsAsync(article));
    }

    private async Task<string> SearchTagsAsync(Guid articleId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Articles.AsNoTracking()
            .Where(a => a.Id == articleId).Select(a => a.SearchTags).SingleAsync();
    }

    [Fact]
    public async Task Renaming_a_tag_to_another_tags_slug_is_a_409_that_suggests_merging()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var ids = await api.EnsureTagsAsync("Smartphones", "Smartphone pliant");

        var response = await editor.PutAsJsonAsync($"/api/v1/admin/tags/{ids[1]}", new { name = "SMARTPHONES" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Contains("merge", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("smartphone-pliant", (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/tags/{ids[1]}")).GetProperty("slug").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("« ? »")]
    [InlineData("nul\u0000")]
    public async Task A_bad_tag_name_is_a_400_on_name(string name)
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await api.EnsureTagsAsync("Bien nommé"))[0];

        var response = await editor.PutAsJsonAsync($"/api/v1/admin/tags/{id}", new { name });

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("name"));
    }

    [Fact]
    public async Task A_tag_name_longer_than_80_characters_is_a_400_on_name()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await api.EnsureTagsAsync("Court"))[0];

        var response = await editor.PutAsJsonAsync($"/api/v1/admin/tags/{id}", new { name = new string('x', 81) });

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("name"));
    }

    [Fact]
    public async Task Merging_moves_the_articles_to_the_target_keeps_one_link_at_the_lower_position_and_deletes_the_source()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await api.InsertAuthorAsync("Fusionneuse");
        var ids = await api.EnsureTagsAsync("IA", "Intelligence artificielle fusion", "Robots");
        var (source, target, other) = (ids[0], ids[1], ids[2]);
        var onlySource = await api.InsertArticleAsync(SeededState.Published, [author], [other, source]);
        var sourceFirst = await api.InsertArticleAsync(SeededState.Published, [author], [source, other, target]);
        var targetFirst = await api.InsertArticleAsync(SeededState.Draft, [author], [target, source]);
        var untouched = await api.InsertArticleAsync(SeededState.Published, [author], [other]);
        var versionBefore = await api.ArticleVersionAsync(onlySource);
        var untouchedBefore = await api.ArticleVersionAsync(untouched);

        var response = await editor.PostAsJsonAsync($"/api/v1/admin/tags/{source}/merge", new { targetId = target });

        response.EnsureSuccessStatusCode();
        var merged = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(target, merged.GetProperty("id").GetGuid());
        Assert.Equal("Intelligence artificielle fusion", merged.GetProperty("name").GetString());
        Assert.Equal(3, merged.GetProperty("articleCount").GetInt32());
        Assert.Equal(new[] { (other, 0), (target, 1) }, await api.TagLinksAsync(onlySource));
        Assert.Equal(new[] { (target, 0), (other, 1) }, await api.TagLinksAsync(sourceFirst));
        Assert.Equal(new[] { (target, 0) }, await api.TagLinksAsync(targetFirst));
        await (await editor.GetAsync($"/api/v1/admin/tags/{source}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.NotEqual(versionBefore, await api.ArticleVersionAsync(onlySource));
        Assert.Equal(untouchedBefore, await api.ArticleVersionAsync(untouched));
        var publicTag = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/tags/intelligence-artificielle-fusion");
        Assert.Equal(2, publicTag.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task Merging_a_tag_into_itself_is_a_400_on_targetId()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await api.EnsureTagsAsync("Narcisse"))[0];

        var response = await editor.PostAsJsonAsync($"/api/v1/admin/tags/{id}/merge", new { targetId = id });

        Assert.NotEmpty((await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("targetId"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/admin/tags/{id}")).StatusCode);
    }

    [Fact]
    public async Task Merging_into_an_unknown_or_missing_target_is_a_400_on_targetId_and_changes_nothing()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var id = (await api.EnsureTagsAsync("Orphelin"))[0];

        var unknown = await editor.PostAsJsonAsync($"/api/v1/admin/tags/{id}/merge", new { targetId = Guid.NewGuid() });
        var missing = await editor.PostAsJsonAsync($"/api/v1/admin/tags/{id}/merge", new { });

        Assert.NotEmpty((await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("targetId"));
        Assert.NotEmpty((await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).FieldErrors("targetId"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/admin/tags/{id}")).StatusCode);
    }

    [Fact]
    public async Task Merging_an_unknown_tag_is_a_404()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var target = (await api.EnsureTagsAsync("Cible"))[0];

        var response = await editor.PostAsJsonAsync($"/api/v1/admin/tags/{Guid.NewGuid()}/merge", new { targetId = target });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Deleting_a_tag_removes_it_from_its_articles_which_stay()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var author = await api.InsertAuthorAsync("Effaceuse");
        var ids = await api.EnsureTagsAsync("Obsolète", "Durable");
        var article = await api.InsertArticleAsync(SeededState.Published, [author], [ids[0], ids[1]]);
        var versionBefore = await api.ArticleVersionAsync(article);

        var response = await editor.DeleteAsync($"/api/v1/admin/tags/{ids[0]}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await editor.GetAsync($"/api/v1/admin/tags/{ids[0]}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(new[] { (ids[1], 1) }, await api.TagLinksAsync(article));
        Assert.NotEqual(versionBefore, await api.ArticleVersionAsync(article));
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync("/api/v1/tags/obsolete")).StatusCode);
    }

    [Fact]
    public async Task Reading_renaming_or_deleting_an_unknown_tag_is_a_404()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var unknown = Guid.NewGuid();

        await (await editor.GetAsync($"/api/v1/admin/tags/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.PutAsJsonAsync($"/api/v1/admin/tags/{unknown}", new { name = "Rien" })).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.DeleteAsync($"/api/v1/admin/tags/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Authors_may_not_manage_tags_and_anonymous_callers_must_sign_in()
    {
        var author = await api.CreateClientAsAsync(Roles.Author);
        var anonymous = api.CreateClient();
        var id = (await api.EnsureTagsAsync("Protégé"))[0];

        await (await author.GetAsync("/api/v1/admin/tags")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await author.PutAsJsonAsync($"/api/v1/admin/tags/{id}", new { name = "Piraté" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await author.PostAsJsonAsync($"/api/v1/admin/tags/{id}/merge", new { targetId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await author.DeleteAsync($"/api/v1/admin/tags/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await anonymous.GetAsync("/api/v1/admin/tags")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await anonymous.DeleteAsync($"/api/v1/admin/tags/{id}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("protege", (await (await api.CreateAdminClientAsync()).GetFromJsonAsync<JsonElement>($"/api/v1/admin/tags/{id}")).GetProperty("slug").GetString());
    }
}
