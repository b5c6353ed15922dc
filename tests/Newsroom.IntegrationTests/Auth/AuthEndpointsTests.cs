using System.Net.Http.Headers;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Auth;

public sealed class AuthEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static object Credentials(string email, string password) => new { email, password };

    [Fact]
    public async Task The_bootstrap_admin_gets_a_bearer_token_that_identifies_them()
    {
        var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(NewsroomApiFactory.AdminEmail, NewsroomApiFactory.AdminPassword));

        response.EnsureSuccessStatusCode();
        Assert.Equal("private, no-store", response.CacheControl());
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.Equal(3600, token.GetProperty("expiresIn").GetInt32());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(NewsroomApiFactory.AdminEmail, me.GetProperty("email").GetString());
        Assert.Equal(Roles.Admin, me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_401()
    {
        var client = api.CreateClient();

        var unknown = await (await client.PostAsJsonAsync("/api/v1/auth/token", Credentials("personne@tests.newsroom", "whatever-password")))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var wrong = await (await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(NewsroomApiFactory.AdminEmail, "not-the-password")))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal(unknown.GetProperty("detail").GetString(), wrong.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Fewer_than_five_failures_cost_no_wait_and_a_success_forgets_them()
    {
        var (user, _) = await api.CreateUserWithTokenAsync(Roles.Author);
        var client = api.CreateClient();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(user.Email, "wrong"));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(user.Email, NewsroomApiFactory.UserPassword))).StatusCode);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(user.Email, "wrong"));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/token", Credentials(user.Email, NewsroomApiFactory.UserPassword))).StatusCode);
    }

    [Fact]
    public async Task Missing_credentials_are_a_validation_problem()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("email"));
        Assert.NotEmpty(problem.FieldErrors("password"));
    }

    [Fact]
    public async Task Me_without_a_token_or_with_a_forged_one_is_401()
    {
        await (await api.CreateClient().GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var forged = api.CreateClientWithToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        await (await forged.GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_in_the_query_string_is_ignored()
    {
        var (_, token) = await api.CreateUserWithTokenAsync(Roles.Editor);

        var response = await api.CreateClient().GetAsync($"/api/v1/auth/me?access_token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
