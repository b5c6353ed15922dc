using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: a password an admin had to hand over (by phone, by chat) staying in use. The admin's reset sets a
/// one-time password, revokes the account's tokens, and the one-time password's token can do nothing but change it.
/// </summary>
public sealed class OneTimePasswordResetTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private const string ChosenPassword = "grignote la falaise en ardoise";

    [Fact]
    public async Task A_reset_revokes_the_accounts_tokens_and_shows_the_one_time_password_once()
    {
        var admin = await api.CreateAdminClientAsync();
        var (user, oldToken) = await api.CreateUserWithTokenAsync(Roles.Editor);

        var response = await admin.PostAsync($"/api/v1/admin/users/{user.Id}/password-reset", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("private, no-store", response.CacheControl());
        var reset = await response.Content.ReadFromJsonAsync<JsonElement>();
        var oneTimePassword = reset.GetProperty("oneTimePassword").GetString()!;
        Assert.True(oneTimePassword.Length >= 20);
        Assert.True(reset.GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
        await (await api.CreateClientWithToken(oldToken).GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().AttemptAsync(user.Email, NewsroomApiFactory.UserPassword)).StatusCode);
        var listed = await admin.GetStringAsync($"/api/v1/admin/users/{user.Id}");
        Assert.DoesNotContain(oneTimePassword, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_one_time_passwords_token_can_only_change_the_password_and_then_everything_works()
    {
        var admin = await api.CreateAdminClientAsync();
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Editor);
        var oneTimePassword = (await (await admin.PostAsync($"/api/v1/admin/users/{user.Id}/password-reset", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("oneTimePassword").GetString()!;

        var signIn = await (await api.CreateClient().AttemptAsync(user.Email, oneTimePassword)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(signIn.GetProperty("mustChangePassword").GetBoolean());
        var restricted = api.CreateClientWithToken(signIn.GetProperty("accessToken").GetString()!);
        var me = await restricted.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        var refused = await (await restricted.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(await api.CreateAuthorAsync("Signature de " + user.Id))))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "password-change-required");
        Assert.Contains("POST /api/v1/auth/password", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await restricted.GetAsync("/api/v1/admin/articles")).AssertProblemAsync(HttpStatusCode.Forbidden, "password-change-required");

        var changed = await restricted.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = oneTimePassword, newPassword = ChosenPassword });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var fresh = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(fresh.GetProperty("mustChangePassword").GetBoolean());
        var working = api.CreateClientWithToken(fresh.GetProperty("accessToken").GetString()!);
        Assert.Equal(HttpStatusCode.Created, (await working.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(await api.CreateAuthorAsync("Plume de " + user.Id)))).StatusCode);
        Assert.False((await working.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().AttemptAsync(user.Email, oneTimePassword)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_reset_passwords_and_an_unknown_account_is_404()
    {
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var admin = await api.CreateAdminClientAsync();

        await (await editor.PostAsync($"/api/v1/admin/users/{user.Id}/password-reset", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.CreateClient().PostAsync($"/api/v1/admin/users/{user.Id}/password-reset", null)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await admin.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/password-reset", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
