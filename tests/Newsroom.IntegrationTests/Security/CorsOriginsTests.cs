namespace Newsroom.IntegrationTests.Security;

/// <summary>Only the origins listed in <c>Newsroom:Cors:AllowedOrigins</c> may read answers from a browser.</summary>
public sealed class CorsOriginsTests(CorsOriginsTests.FrontEndApi api) : IClassFixture<CorsOriginsTests.FrontEndApi>
{
    public sealed class FrontEndApi : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:Cors:AllowedOrigins:0"] = "https://front.exemple-mobile.fr" };
    }

    private async Task<HttpResponseMessage> GetFromAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sections");
        request.Headers.Add("Origin", origin);
        return await api.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_listed_origin_is_allowed_and_sees_the_ETag()
    {
        var response = await GetFromAsync("https://front.exemple-mobile.fr");

        Assert.Equal("https://front.exemple-mobile.fr", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_origin_gets_no_CORS_headers()
    {
        var response = await GetFromAsync("https://ailleurs.exemple.com");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
