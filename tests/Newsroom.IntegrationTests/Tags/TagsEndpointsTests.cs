namespace Newsroom.IntegrationTests.Tags;

public sealed class TagsEndpointsTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/tags" + query);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private static JsonElement? Find(List<JsonElement> tags, string slug) =>
        tags.Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("slug").GetString() == slug);

    [Fact]
    public async Task A_tag_counts_only_the_articles_readers_can_see()
    {
        var author = await api.InsertAuthorAsync("Compteuse");
        var tag = (await api.EnsureTagsAsync("Comptage public"))[0];
        await api.InsertArticleAsync(SeededState.Published, [author], [tag]);
        await api.InsertArticleAsync(SeededState.ScheduledAndDue, [author], [tag]);
        await api.InsertArticleAsync(SeededState.ScheduledLater, [author], [tag]);
        await api.InsertArticleAsync(SeededState.Draft, [author], [tag]);
        await api.InsertArticleAsync(SeededState.Withdrawn, [author], [tag]);

        var response = await api.CreateClient().GetAsync("/api/v1/tags/comptage-public");

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Comptage public", body.GetProperty("name").GetString());
        Assert.Equal(2, body.GetProperty("articleCount").GetInt32());
        Assert.False(body.TryGetProperty("id", out _));
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", response.CacheControl());
        Assert.Equal(2, Find(await ListAsync(api.CreateClient()), "comptage-public")!.Value.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task A_tag_only_drafts_or_future_articles_carry_is_invisible_to_readers()
    {
        var author = await api.InsertAuthorAsync("Discrète");
        var tag = (await api.EnsureTagsAsync("Projet secret"))[0];
        await api.InsertArticleAsync(SeededState.Draft, [author], [tag]);
        await api.InsertArticleAsync(SeededState.ScheduledLater, [author], [tag]);

        var response = await api.CreateClient().GetAsync("/api/v1/tags/projet-secret");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Null(Find(await ListAsync(api.CreateClient()), "projet-secret"));
    }

    [Fact]
    public async Task An_unknown_tag_is_a_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/tags/inconnu");

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("inconnu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_puts_the_most_used_tags_first_then_orders_by_name_and_is_cacheable()
    {
        var author = await api.InsertAuthorAsync("Classeuse");
        var ids = await api.EnsureTagsAsync("Zz rang trois", "Éé rang deux", "Aa rang un", "Mm rang quatre");
        await api.InsertArticleAsync(SeededState.Published, [author], [ids[0], ids[1], ids[2], ids[3]]);
        await api.InsertArticleAsync(SeededState.Published, [author], [ids[2], ids[1], ids[0]]);
        await api.InsertArticleAsync(SeededState.Published, [author], [ids[2]]);

        var response = await api.CreateClient().GetAsync("/api/v1/tags?limit=200");

        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", response.CacheControl());
        var tags = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var counts = tags.Select(t => t.GetProperty("articleCount").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var mine = tags.Select(t => t.GetProperty("slug").GetString()).Where(s => s!.Contains("-rang-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "aa-rang-un", "ee-rang-deux", "zz-rang-trois", "mm-rang-quatre" }, mine);
        Assert.Equal(3, Find(tags, "aa-rang-un")!.Value.GetProperty("articleCount").GetInt32());
    }

    [Fact]
    public async Task The_limit_keeps_only_the_most_used_tags()
    {
        var author = await api.InsertAuthorAsync("Limiteuse");
        var ids = await api.EnsureTagsAsync("Limite A", "Limite B", "Limite C");
        foreach (var id in ids)
        {
            await api.InsertArticleAsync(SeededState.Published, [author], [id]);
        }

        Assert.Single(await ListAsync(api.CreateClient(), "?limit=1"));
        Assert.Equal(2, (await ListAsync(api.CreateClient(), "?limit=2")).Count);
        Assert.InRange((await ListAsync(api.CreateClient())).Count, 3, 100);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-1")]
    public async Task A_limit_outside_1_to_200_is_a_400_on_limit(string limit)
    {
        var response = await api.CreateClient().GetAsync($"/api/v1/tags?limit={limit}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.FieldErrors("limit"));
        Assert.Equal("private, no-store", response.CacheControl());
    }

    [Fact]
    public async Task A_limit_that_is_not_a_number_is_a_400()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/tags?limit=beaucoup");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "bad-request");
    }
}
