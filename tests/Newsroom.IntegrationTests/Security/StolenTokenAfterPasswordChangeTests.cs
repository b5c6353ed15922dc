using System.Net.Http.Headers;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: keeping a stolen session after its owner changed their password, or using a stolen token to guess the
/// password. A change needs the current password (a wrong one counts as a failed sign-in), revokes every other
/// token of the account and answers a fresh token for this session.
/// </summary>
public sealed class StolenTokenAfterPasswordChangeTests(ThrottleApiFactory api) : IClassFixture<ThrottleApiFactory>
{
    private const string NewPassword = "grignote la falaise en ardoise";

    [Fact]
    public async Task Changing_ones_password_revokes_the_other_tokens_and_answers_a_fresh_one()
    {
        var (user, stolenToken) = await api.CreateUserWithTokenAsync(Roles.Editor);
        var ownSession = api.CreateClientWithToken(await api.CreateClient().TokenAsync(user.Email, NewsroomApiFactory.UserPassword));

        var response = await ownSession.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = NewsroomApiFactory.UserPassword, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fresh = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(fresh.GetProperty("mustChangePassword").GetBoolean());
        await (await api.CreateClientWithToken(stolenToken).GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ownSession.GetAsync("/api/v1/auth/me")).StatusCode);
        ownSession.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ownSession.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().AttemptAsync(user.Email, NewsroomApiFactory.UserPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().AttemptAsync(user.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_is_a_400_on_currentPassword_and_changes_nothing()
    {
        var (user, token) = await api.CreateUserWithTokenAsync(Roles.Author);
        var session = api.CreateClientWithToken(token);

        var response = await session.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not-my-password", newPassword = NewPassword });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["is not your current password."], problem.FieldErrors("currentPassword"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().AttemptAsync(user.Email, NewsroomApiFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task A_stolen_token_cannot_be_used_to_guess_the_current_password_faster_than_sign_in_allows()
    {
        var (_, token) = await api.CreateUserWithTokenAsync(Roles.Author);
        var thief = api.CreateClientFrom("203.0.113.44");
        thief.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        for (var guess = 0; guess < 6; guess++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await thief.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "guess-" + guess, newPassword = NewPassword })).StatusCode);
        }

        var throttled = await thief.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = NewsroomApiFactory.UserPassword, newPassword = NewPassword });

        Assert.Equal(1, await throttled.AssertThrottledAsync());
    }

    [Fact]
    public async Task Changing_a_password_needs_a_token_the_same_new_password_and_both_fields()
    {
        var (_, token) = await api.CreateUserWithTokenAsync(Roles.Author);
        var session = api.CreateClientWithToken(token);

        await (await api.CreateClient().PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "x", newPassword = NewPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var same = await (await session.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = NewsroomApiFactory.UserPassword, newPassword = NewsroomApiFactory.UserPassword }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["must differ from the current password."], same.FieldErrors("newPassword"));
        var empty = await (await session.PostAsJsonAsync("/api/v1/auth/password", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(empty.FieldErrors("currentPassword"));
        Assert.NotEmpty(empty.FieldErrors("newPassword"));
    }
}
