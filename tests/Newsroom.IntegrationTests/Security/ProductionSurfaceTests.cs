using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 9: what the production API shows an attacker who maps it. No served contract or Swagger UI (the committed
/// openapi/ file is the public contract), no server product name, no reason why a token failed, and browsers are
/// told to keep to https. Checked on the real process, since Kestrel (not the TestServer) adds the Server header.
/// </summary>
public sealed class ProductionSurfaceTests(ApiProcess api, ProductionSurfaceTests.HttpSite httpSite) : IClassFixture<ApiProcess>, IClassFixture<ProductionSurfaceTests.HttpSite>
{
    /// <summary>An API whose public site is plain http (a local or test set-up), outside Development.</summary>
    public sealed class HttpSite : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Site:PublicBaseUrl"] = "http://localhost:5014" };
    }

    [Theory]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger")]
    public async Task Mapping_the_API_through_its_served_OpenAPI_document_or_Swagger_UI_finds_nothing_in_production(string path)
    {
        var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_start_up_banner_does_not_advertise_a_Swagger_UI_it_does_not_serve()
    {
        var banner = Assert.Single(api.Output, line => line.StartsWith("Newsroom API listening on", StringComparison.Ordinal));

        Assert.DoesNotContain("swagger", banner, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Responses_do_not_name_the_server_software()
    {
        var response = await api.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(", ", response.Headers.Server));
    }

    public static TheoryData<string> RejectedTokens => new()
    {
        { "expired" },
        { "forged" },
        { "other audience" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_rejected_token_gets_a_bare_Bearer_challenge_that_does_not_say_why(string kind)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(kind));

        var response = await client.GetAsync("/api/v1/auth/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", string.Join(", ", response.Headers.NonValidated["WWW-Authenticate"]));
    }

    [Fact]
    public async Task Every_answer_tells_browsers_to_reach_an_https_site_over_https_only()
    {
        var client = api.CreateClient();

        foreach (var path in new[] { "/api/v1/site", "/api/v1/nowhere", "/health/live" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal("max-age=31536000; includeSubDomains", string.Join(", ", response.Headers.NonValidated["Strict-Transport-Security"]));
        }
    }

    [Fact]
    public async Task A_site_that_is_not_https_sends_no_HSTS_and_outside_Development_no_OpenAPI_document_either()
    {
        var client = httpSite.CreateClient();

        var site = await client.GetAsync("/api/v1/site");
        var document = await client.GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
        Assert.False(site.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
    }

    /// <summary>A token the API refuses: past its expiry, signed with another key, or for another audience.</summary>
    private static string Token(string kind)
    {
        var now = DateTime.UtcNow;
        var key = kind == "forged" ? "an-attackers-own-key-of-more-than-256-bits-long" : ApiProcess.SigningKey;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "newsroom",
            Audience = kind == "other audience" ? "another-api" : "newsroom-api",
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("role", "Admin")]),
            NotBefore = now.AddHours(-3),
            IssuedAt = now.AddHours(-3),
            Expires = kind == "expired" ? now.AddHours(-2) : now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) { KeyId = "newsroom-1" }, SecurityAlgorithms.HmacSha256),
        });
    }
}
