namespace Newsroom.IntegrationTests.Sections;

public sealed class SiteEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task The_site_gives_its_identity_time_zone_and_navigation()
    {
        var site = await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/site");

        Assert.Equal("fr-FR", site.GetProperty("locale").GetString());
        Assert.Equal("Europe/Paris", site.GetProperty("timeZone").GetString());
        Assert.Equal("https://www.exemple-mobile.fr", site.GetProperty("publicBaseUrl").GetString());
        Assert.Equal("l'actualité du marketing mobile", site.GetProperty("tagline").GetString());
        Assert.Equal("technologies", site.GetProperty("sections")[0].GetProperty("slug").GetString());
    }
}
