namespace Newsroom.IntegrationTests.Search;

/// <summary>
/// How search keeps up with writes (the <c>article_search</c> documents a trigger maintains), how the two tiers
/// rank, and which of the three counting paths a query takes, with limits small enough to reach each of them.
/// </summary>
public sealed class SearchIndexingTests(SearchIndexingTests.Factory api) : IClassFixture<SearchIndexingTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "1000",
            ["Newsroom:Search:CandidateLimit"] = "2",
            ["Newsroom:Search:ExactCountLimit"] = "5",
        };
    }

    private static readonly DateTimeOffset Base = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private async Task<JsonElement> SearchAsync(string query, string extra = "") =>
        await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(query)}&fresh={Guid.NewGuid():N}{extra}");

    private static string[] Titles(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("title").GetString()!).ToArray();

    private Task SetBodyAsync(Guid id, string text) =>
        api.ExecuteBehindTheApiAsync($"UPDATE articles SET body_text = {text}, body_html = {"<p>" + text + "</p>"} WHERE id = {id}");

    [Fact]
    public async Task Edits_withdrawals_moves_and_deletions_reach_search_at_once()
    {
        var author = await api.CreateAuthorAsync("Indexeuse");
        var article = await api.InsertPublishedAsync("Un article sur les tramways", Base, author);
        Assert.Equal(["Un article sur les tramways"], Titles(await SearchAsync("tramway")));

        await SetBodyAsync(article.Id, "Il est question de funiculaires savoyards.");
        Assert.Equal(["Un article sur les tramways"], Titles(await SearchAsync("funiculaire")));

        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET section_id = {ArticleFixtures.Business} WHERE id = {article.Id}");
        var moved = await SearchAsync("funiculaire");
        Assert.Equal("business", moved.GetProperty("facets").GetProperty("sections")[0].GetProperty("slug").GetString());
        Assert.Equal("business", moved.GetProperty("items")[0].GetProperty("article").GetProperty("section").GetProperty("slug").GetString());

        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET status = 'Withdrawn' WHERE id = {article.Id}");
        Assert.Equal(0, (await SearchAsync("funiculaire")).GetProperty("total").GetInt32());

        var later = DateTimeOffset.UtcNow.AddDays(3);
        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET status = 'Scheduled', published_at = {later}, publish_at = {later} WHERE id = {article.Id}");
        Assert.Equal(0, (await SearchAsync("funiculaire")).GetProperty("total").GetInt32());

        await api.ExecuteBehindTheApiAsync($"UPDATE articles SET status = 'Published', published_at = {Base} WHERE id = {article.Id}");
        Assert.Equal(1, (await SearchAsync("funiculaire")).GetProperty("total").GetInt32());

        await api.ExecuteBehindTheApiAsync($"DELETE FROM articles WHERE id = {article.Id}");
        Assert.Equal(0, (await SearchAsync("funiculaire")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_newer_body_only_match()
    {
        var author = await api.CreateAuthorAsync("Classeur");
        await api.InsertPublishedAsync("La gondole vénitienne revient", Base, author);
        var newer = await api.InsertPublishedAsync("Un autre sujet de canal", Base.AddDays(30), author);
        await SetBodyAsync(newer.Id, "On y parle aussi de gondoles, longuement.");

        var result = await SearchAsync("gondole");

        Assert.Equal(["La gondole vénitienne revient", "Un autre sujet de canal"], Titles(result));
        var scores = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToArray();
        Assert.True(scores[0] >= 1 && scores[1] < 1, $"title tier in [1, 2), body tier in [0, 1): {scores[0]}, {scores[1]}");
        Assert.Contains("<mark>gondoles</mark>", result.GetProperty("items")[1].GetProperty("highlights").GetProperty("excerpt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_are_exact_when_every_match_is_a_candidate_or_few_are_expected_and_flagged_estimates_otherwise()
    {
        var author = await api.CreateAuthorAsync("Compteur");
        for (var i = 0; i < 10; i++)
        {
            var article = await api.InsertPublishedAsync($"Numéro {i} de la série", Base.AddDays(i), author, sectionId: i % 2 == 0 ? ArticleFixtures.Business : null);
            var words = "bretzel" + (i < 5 ? " choucroute" : string.Empty) + (i == 0 ? " kougelhopf" : string.Empty);
            await SetBodyAsync(article.Id, $"Une recette alsacienne : {words}.");
        }

        await api.ExecuteBehindTheApiAsync($"ANALYZE article_search");

        // One match: fewer document matches than candidates asked for, so all of them are known.
        var one = await SearchAsync("kougelhopf", "&limit=2");
        Assert.Equal(1, one.GetProperty("total").GetInt32());
        Assert.False(one.GetProperty("totalIsEstimate").GetBoolean());

        // Five matches, more than the 2 candidates, but no more than 1.2 × the exact limit (5) expected: counted.
        var five = await SearchAsync("choucroute", "&limit=2");
        Assert.Equal(5, five.GetProperty("total").GetInt32());
        Assert.False(five.GetProperty("totalIsEstimate").GetBoolean());
        Assert.False(five.GetProperty("facets").GetProperty("areEstimates").GetBoolean());
        Assert.Equal(5, five.GetProperty("facets").GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32()));
        Assert.Equal(2, five.GetProperty("items").GetArrayLength());

        // Ten matches, above 1.2 × the exact limit: the planner's estimate, and facets from the candidates, flagged.
        var ten = await SearchAsync("bretzel", "&limit=2");
        Assert.True(ten.GetProperty("totalIsEstimate").GetBoolean());
        Assert.InRange(ten.GetProperty("total").GetInt32(), 7, 13);
        Assert.True(ten.GetProperty("facets").GetProperty("areEstimates").GetBoolean());

        Assert.Equal(2, ten.GetProperty("facets").GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32()));

        // Pages past the candidate limit still come: the candidates grow to offset + limit.
        var deep = await SearchAsync("bretzel", "&offset=6&limit=3");
        Assert.Equal(3, deep.GetProperty("items").GetArrayLength());
        var all = await SearchAsync("bretzel", "&limit=10");
        Assert.Equal(Titles(all)[6..9], Titles(deep));
    }
}
