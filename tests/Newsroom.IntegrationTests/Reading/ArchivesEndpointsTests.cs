namespace Newsroom.IntegrationTests.Reading;

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
    public async Task Counts_follow_every_write_that_changes_what_readers_see()
    {
        // Counts are kept per UTC month by a trigger; each step writes behind the API and reads with a fresh query
        // string, so what is checked is the database's bookkeeping, not the output cache.
        var author = await api.CreateAuthorAsync("Compteuse");
        var first = await api.InsertPublishedAsync("Mars un", new DateTimeOffset(2018, 3, 10, 9, 0, 0, TimeSpan.Zero), author);
        var second = await api.InsertPublishedAsync("Mars deux", new DateTimeOffset(2018, 3, 20, 9, 0, 0, TimeSpan.Zero), author);
        // 2018-03-31T22:30Z is already April in Paris.
        var lateMarch = await api.InsertPublishedAsync("Fin mars en UTC", new DateTimeOffset(2018, 3, 31, 22, 30, 0, TimeSpan.Zero), author);
        Assert.Equal([(4, 1), (3, 2)], await MonthsOfAsync(2018, 1));

        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET status = 'Withdrawn' WHERE id = {first.Id}");
        Assert.Equal([(4, 1), (3, 1)], await MonthsOfAsync(2018, 2));

        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET published_at = {new DateTimeOffset(2018, 4, 2, 9, 0, 0, TimeSpan.Zero)} WHERE id = {second.Id}");
        Assert.Equal([(4, 2)], await MonthsOfAsync(2018, 3));

        // Scheduled for later: counted once due, not before.
        var due = DateTimeOffset.UtcNow.AddDays(400);
        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET status = 'Scheduled', published_at = {due}, publish_at = {due} WHERE id = {first.Id}");
        Assert.DoesNotContain(await MonthsOfAsync(due.Year, 4), m => m.Month == due.Month);

        await api.ExecuteBehindTheApiAsync($"DELETE FROM articles WHERE id IN ({second.Id}, {lateMarch.Id})");
        Assert.Empty(await MonthsOfAsync(2018, 5));

        // Whatever happened, the kept counts equal a recount from the articles themselves.
        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET status = 'Published', published_at = {new DateTimeOffset(2018, 5, 5, 9, 0, 0, TimeSpan.Zero)} WHERE id = {first.Id}");
        var kept = await MonthsOfAsync(2018, 6);
        Assert.Equal([(5, 1)], kept);
        await api.ExecuteBehindTheApiAsync($"SELECT newsroom_recount_article_months()");
        Assert.Equal(kept, await MonthsOfAsync(2018, 7));
    }

    private async Task<(int Month, int Count)[]> MonthsOfAsync(int year, int attempt)
    {
        var months = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/archives?attempt={attempt}");
        return months.EnumerateArray().Where(m => m.GetProperty("year").GetInt32() == year)
            .Select(m => (m.GetProperty("month").GetInt32(), m.GetProperty("count").GetInt32())).ToArray();
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
