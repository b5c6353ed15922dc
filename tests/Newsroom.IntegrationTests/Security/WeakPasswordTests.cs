using Newsroom.Domain.Users;

using Newsroom.IntegrationTests.Hosting;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Attack: guessing passwords that met the old rule (12 characters, any characters): `aaaaaaaaaaaa`, `123456789012`,
/// `password1234`. Passwords are now judged by how guessable they are, wherever one is set, and a refusal says why.
/// </summary>
public sealed class WeakPasswordTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static object NewUser(string password, string email = "") => new
    {
        email = email.Length > 0 ? email : $"lea.moreau-{Guid.NewGuid():N}@tests.newsroom",
        displayName = "Léa Moreau",
        role = "Author",
        password,
    };

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("password1234")]
    public async Task A_long_but_guessable_password_is_refused_for_a_new_account_with_the_reason(string password)
    {
        var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser(password));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var reasons = problem.FieldErrors("password");
        Assert.StartsWith("is too easy to guess: ", reasons[0], StringComparison.Ordinal);
        Assert.True(reasons.Length >= 2, "a refusal also says what to do instead");
    }

    [Fact]
    public async Task A_password_made_of_the_accounts_own_email_and_name_is_refused()
    {
        var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("leamoreau.newsroom", "lea.moreau@tests.newsroom"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains(problem.FieldErrors("password"), reason => reason.Contains("your e-mail address or your name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Length_bounds_still_apply()
    {
        var admin = await api.CreateAdminClientAsync();

        var tooLong = await (await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser(new string('k', 150) + "grignote la falaise en ardoise" + new string('z', 30))))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var tooShort = await (await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("Xq7#vL2!pQ")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        Assert.Equal(["must be at most 200 characters."], tooLong.FieldErrors("password"));
        Assert.Equal(["must be at least 12 characters."], tooShort.FieldErrors("password"));
    }

    [Fact]
    public async Task A_lowercase_passphrase_without_digits_or_symbols_is_accepted()
    {
        var admin = await api.CreateAdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/admin/users", NewUser("grignote la falaise en ardoise"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_guessable_new_password_is_refused_when_a_user_changes_theirs()
    {
        var (_, token) = await api.CreateUserWithTokenAsync(Roles.Author);

        var response = await api.CreateClientWithToken(token).PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = NewsroomApiFactory.UserPassword, newPassword = "password1234" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.StartsWith("is too easy to guess", problem.FieldErrors("newPassword")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guessable_configured_bootstrap_password_stops_start_up_and_says_why()
    {
        var (exitCode, errors) = await StartupConfigurationTests.StartProductionAsync(
            signingKey: Convert.ToBase64String(new byte[48]),
            new Dictionary<string, string> { ["Newsroom__Bootstrap__AdminEmail"] = "admin@exemple.fr", ["Newsroom__Bootstrap__AdminPassword"] = "password1234" });

        Assert.Equal(3, exitCode);
        Assert.Contains("Newsroom__Bootstrap__AdminPassword", errors, StringComparison.Ordinal);
        Assert.Contains("too easy to guess", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }
}
