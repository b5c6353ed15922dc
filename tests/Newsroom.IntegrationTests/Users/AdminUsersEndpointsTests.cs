using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Users;

public sealed class AdminUsersEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static object NewUser(string email, string role = "Author", string password = "correct-horse-battery") =>
        new { email, displayName = "Léa Moreau", role, password };

    [Fact]
    public async Task An_admin_creates_an_account_that_can_then_sign_in()
    {
        var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("lea.moreau@tests.newsroom", "editor"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Editor", user.GetProperty("role").GetString());
        Assert.False(user.GetProperty("isDisabled").GetBoolean());
        Assert.False(user.TryGetProperty("password", out _));
        Assert.False(user.TryGetProperty("passwordHash", out _));
        Assert.Equal($"/api/v1/admin/users/{user.GetProperty("id").GetString()}", response.Headers.Location?.ToString());
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "lea.moreau@tests.newsroom", password = "correct-horse-battery" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("email").GetString() == "lea.moreau@tests.newsroom");
    }

    [Fact]
    public async Task A_taken_email_is_a_409_whatever_its_case()
    {
        var admin = await api.CreateAdminClientAsync();
        (await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("doublon@tests.newsroom"))).EnsureSuccessStatusCode();

        var again = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("DOUBLON@tests.newsroom"));

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Bad_accounts_are_refused_field_by_field()
    {
        var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", new { email = "pas-un-email", displayName = "", role = "Rédacteur en chef", password = "court" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        foreach (var field in new[] { "email", "displayName", "role", "password" })
        {
            Assert.NotEmpty(problem.FieldErrors(field));
        }
    }

    [Fact]
    public async Task Only_admins_manage_accounts()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);

        await (await editor.GetAsync("/api/v1/admin/users")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await editor.PostAsJsonAsync("/api/v1/admin/users", NewUser("x@tests.newsroom"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.CreateClient().GetAsync("/api/v1/admin/users")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_disabled_accounts_tokens_stop_working_at_once()
    {
        var admin = await api.CreateAdminClientAsync();
        var (user, token) = await api.CreateUserWithTokenAsync(Roles.Editor);
        var victim = api.CreateClientWithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/v1/auth/me")).StatusCode);

        var disabled = await admin.PostAsync($"/api/v1/admin/users/{user.Id}/disable", null);

        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isDisabled").GetBoolean());
        await (await victim.GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = NewsroomApiFactory.UserPassword })).StatusCode);

        (await admin.PostAsync($"/api/v1/admin/users/{user.Id}/enable", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = NewsroomApiFactory.UserPassword })).StatusCode);
    }

    [Fact]
    public async Task Changing_a_role_takes_effect_and_revokes_older_tokens()
    {
        var admin = await api.CreateAdminClientAsync();
        var (user, token) = await api.CreateUserWithTokenAsync(Roles.Author);

        var changed = await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/role", new { role = "Editor" });

        Assert.Equal("Editor", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClientWithToken(token).GetAsync("/api/v1/auth/me")).StatusCode);
        var fresh = api.CreateClientWithToken(await api.IssueTokenAsync(user.Id));
        Assert.Equal(HttpStatusCode.Created, (await fresh.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Rubrique de l’éditeur" })).StatusCode);
    }

    [Fact]
    public async Task The_newsroom_keeps_at_least_one_active_admin_and_admins_cannot_disable_themselves()
    {
        var admin = await api.CreateAdminClientAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var myId = me.GetProperty("id").GetString();

        await (await admin.PostAsync($"/api/v1/admin/users/{myId}/disable", null)).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        var activeAdmins = accounts.EnumerateArray().Count(u => u.GetProperty("role").GetString() == "Admin" && !u.GetProperty("isDisabled").GetBoolean());
        if (activeAdmins == 1)
        {
            await (await admin.PutAsJsonAsync($"/api/v1/admin/users/{myId}/role", new { role = "Author" })).AssertProblemAsync(HttpStatusCode.Conflict, "conflict");
        }
    }

    [Fact]
    public async Task Unknown_accounts_are_404_and_unknown_roles_400()
    {
        var admin = await api.CreateAdminClientAsync();
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);

        await (await admin.GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await admin.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/disable", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var badRole = await (await admin.PutAsJsonAsync($"/api/v1/admin/users/{user.Id}/role", new { role = "Pope" })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(badRole.FieldErrors("role"));
    }
}
