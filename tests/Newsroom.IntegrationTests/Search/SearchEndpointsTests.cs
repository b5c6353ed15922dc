using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Search;

/// <summary>The search endpoints' contract: shape, highlights, facets, corrections, completions and every refusal.</summary>
public sealed class SearchEndpointsTests(SearchEndpointsTests.Factory api) : IClassFixture<SearchEndpointsTests.Factory>, IAsyncLifetime
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "1000" };
    }

    private static readonly DateTimeOffset Base = new(2025, 2, 1, 8, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        if (await CountAsync() > 0)
        {
            return;
        }

        var author = await api.CreateAuthorAsync("Mark Zuckerberg");
        var tags = await api.EnsureTagsAsync("Intelligence artificielle");
        await api.InsertPublishedAsync("Meta recrute à prix d’or pour sa stratégie d’IA", Base, author, tagIds: tags,
            standfirst: "Le groupe <b>recrute</b> des chercheurs venus d’OpenAI.");
        await api.InsertPublishedAsync("Les objets connectés envahissent la maison", Base.AddDays(1), author, sectionId: ArticleFixtures.Business,
            standfirst: "Montres et enceintes connectées : un marché qui recrutait peu.");
        await api.InsertPublishedAsync("Une œuvre numérique au cœur du salon", Base.AddDays(2), author, standfirst: "L’art rencontre le mobile.");
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW search_words");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<int> CountAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Articles.CountAsync();
    }

    private async Task<JsonElement> SearchAsync(string query) =>
        await api.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?q=" + Uri.EscapeDataString(query));

    private static string[] Titles(JsonElement result) =>
        result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("article").GetProperty("title").GetString()!).ToArray();

    [Fact]
    public async Task A_search_returns_scored_highlighted_hits_with_facets()
    {
        var result = await SearchAsync("stratégie");

        Assert.Equal(1, result.GetProperty("total").GetInt32());
        Assert.False(result.GetProperty("totalIsEstimate").GetBoolean());
        var hit = result.GetProperty("items")[0];
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.Contains("<mark>stratégie</mark>", hit.GetProperty("highlights").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("technologies", result.GetProperty("facets").GetProperty("sections")[0].GetProperty("slug").GetString());
        Assert.Equal(2025, result.GetProperty("facets").GetProperty("years")[0].GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task Stemming_accents_ligatures_and_elisions_are_ignored()
    {
        Assert.Contains("Meta recrute à prix d’or pour sa stratégie d’IA", Titles(await SearchAsync("strategie")));
        Assert.Contains("Meta recrute à prix d’or pour sa stratégie d’IA", Titles(await SearchAsync("recrutement")));
        Assert.Contains("Une œuvre numérique au cœur du salon", Titles(await SearchAsync("oeuvre")));
        Assert.Contains("Meta recrute à prix d’or pour sa stratégie d’IA", Titles(await SearchAsync("openai")));
        Assert.Contains("Les objets connectés envahissent la maison", Titles(await SearchAsync("connectees")));
    }

    [Fact]
    public async Task Highlights_escape_the_articles_own_html()
    {
        var result = await SearchAsync("chercheurs");

        var excerpt = result.GetProperty("items")[0].GetProperty("highlights").GetProperty("excerpt").GetString()!;
        Assert.DoesNotContain("<b>", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_query_is_corrected_and_searched()
    {
        var person = await SearchAsync("Zukerberg");
        Assert.Equal("zuckerberg", person.GetProperty("suggestion").GetString());

        var result = await SearchAsync("stratgie");
        Assert.Equal("strategie", result.GetProperty("suggestion").GetString());
        Assert.Contains("Meta recrute à prix d’or pour sa stratégie d’IA", Titles(result));
    }

    [Fact]
    public async Task Several_misspelled_words_are_corrected_together_and_known_ones_are_kept_as_typed()
    {
        var result = await SearchAsync("Les objts conectés");

        Assert.Equal("Les objets connectes", result.GetProperty("suggestion").GetString());
        Assert.Contains("Les objets connectés envahissent la maison", Titles(result));
    }

    [Fact]
    public async Task Completions_come_from_the_prefix_of_the_last_word()
    {
        var suggestions = await api.CreateClient().GetFromJsonAsync<string[]>("/api/v1/search/suggest?q=objets%20conn");

        Assert.NotNull(suggestions);
        Assert.Contains("objets connectes", suggestions);
        Assert.True(suggestions.Length <= 8);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_query_is_400(string q) =>
        await (await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

    [Fact]
    public async Task Over_long_queries_offsets_and_limits_are_400()
    {
        var client = api.CreateClient();
        await (await client.GetAsync("/api/v1/search?q=" + new string('a', 201))).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/search?q=meta&offset=1001")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/search?q=meta&limit=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await client.GetAsync("/api/v1/search?q=meta&section=nulle-part")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await client.GetAsync("/api/v1/search/suggest")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("& | ! : * ( ) < > \\ '")]
    [InlineData("\"guillemet non fermé")]
    [InlineData("meta & (ia")]
    [InlineData("-")]
    [InlineData("OR OR OR")]
    [InlineData("le la les")]
    public async Task Tsquery_syntax_and_unbalanced_quotes_never_fail(string q)
    {
        var response = await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Anonymous search is rate-limited per client address.</summary>
public sealed class SearchRateLimitTests(SearchRateLimitTests.Factory api) : IClassFixture<SearchRateLimitTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "3" };
    }

    [Fact]
    public async Task Too_many_searches_are_a_429_with_retry_after()
    {
        var client = api.CreateClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.GetAsync($"/api/v1/search?q=mot{i}");
        }

        await last.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
