namespace Newsroom.IntegrationTests;

public sealed class ArchivesEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    [Fact]
    public async Task Months_are_those_of_Paris_so_a_late_June_evening_in_UTC_belongs_to_July()
    {
        var author = await api.CreateAuthorAsync("Archiviste");
        var july = await api.InsertPublishedAsync("Fin juin en UTC", new DateTimeOffset(2019, 6, 30, 22, 30, 0, TimeSpan.Zero), author);
        var june = await api.InsertPublishedAsync("Vraiment juin", new DateTimeOffset(2019, 6, 30, 21, 30, 0, TimeSpan.Zero), author);
        await api.InsertPublishedAsync("Janvier", new DateTimeOffset(2019, 1, 15, 10, 0, 0, TimeSpan.Zero), author);
        var client = api.CreateClient();

        var months = await client.GetFromJsonAsync<JsonElement>("/api/v1/archives");
        var of2019 = months.EnumerateArray().Where(m => m.GetProperty("year").GetInt32() == 2019)
            .Select(m => (m.GetProperty("month").GetInt32(), m.GetProperty("count").GetInt32())).ToArray();
        Assert.Equal([(7, 1), (6, 1), (1, 1)], of2019);

        var julyPage = await client.GetFromJsonAsync<JsonElement>("/api/v1/archives/2019/7");
        Assert.Equal([july.Slug], julyPage.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!).ToArray());
        var junePage = await client.GetFromJsonAsync<JsonElement>("/api/v1/archives/2019/6");
        Assert.Equal([june.Slug], junePage.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("slug").GetString()!).ToArray());
    }

    [Fact]
    public async Task Invalid_years_and_months_are_400()
    {
        var client = api.CreateClient();

        await (await client.GetAsync("/api/v1/archives/2019/13")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/archives/2019/0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/archives/10000/1")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/archives/deux-mille/1")).AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
        await (await client.GetAsync("/api/v1/archives/2019/7?limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
