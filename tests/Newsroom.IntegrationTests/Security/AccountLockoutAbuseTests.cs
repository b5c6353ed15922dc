using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: locking someone out (the Admin included) with a few wrong passwords. Nothing locks any more; throttling
/// only slows the guesser's address, and an admin can clear an account's throttling at once.
/// </summary>
public sealed class AccountLockoutAbuseTests(ThrottleApiFactory api) : IClassFixture<ThrottleApiFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_no_longer_lock_the_admin()
    {
        var attacker = api.CreateClientFrom("203.0.113.66");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.AttemptAsync(NewsroomApiFactory.AdminEmail, "wrong-" + attempt)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.CreateClientFrom("198.51.100.1").AttemptAsync(NewsroomApiFactory.AdminEmail, NewsroomApiFactory.AdminPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await attacker.AttemptAsync(NewsroomApiFactory.AdminEmail, NewsroomApiFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task An_admins_unlock_lets_a_throttled_account_sign_in_at_once()
    {
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var sharedAddress = api.CreateClientFrom("203.0.113.80");
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await sharedAddress.AttemptAsync(user.Email, "wrong-" + attempt);
        }

        await (await sharedAddress.AttemptAsync(user.Email, NewsroomApiFactory.UserPassword)).AssertThrottledAsync();
        var admin = await api.CreateAdminClientAsync();

        var unlocked = await admin.PostAsync($"/api/v1/admin/users/{user.Id}/unlock", null);

        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sharedAddress.AttemptAsync(user.Email, NewsroomApiFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_unlock_accounts_and_an_unknown_account_is_404()
    {
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var admin = await api.CreateAdminClientAsync();

        await (await editor.PostAsync($"/api/v1/admin/users/{user.Id}/unlock", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.CreateClient().PostAsync($"/api/v1/admin/users/{user.Id}/unlock", null)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await admin.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/unlock", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{user.Id}/unlock", null)).StatusCode);
    }
}
