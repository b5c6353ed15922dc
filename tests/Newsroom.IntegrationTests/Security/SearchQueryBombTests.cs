namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 4 of the security audit: `GET /search?q=` followed by 33 '-' made PostgreSQL's query parser overflow
/// ("tsquery stack too small") and the API answer 500 with a stack trace in the logs. Whatever the query string,
/// search and completions answer 200 or a 400 problem.
/// </summary>
public sealed class SearchQueryBombTests(SearchQueryBombTests.Factory api) : IClassFixture<SearchQueryBombTests.Factory>, IAsyncLifetime
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "10000" };
    }

    public async Task InitializeAsync()
    {
        var author = await api.CreateAuthorAsync("Inès Martin");
        await api.InsertPublishedAsync("Le marché des objets connectés", DateTimeOffset.UtcNow.AddDays(-1), author);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> NastyQueries()
    {
        var operators = string.Concat(Enumerable.Repeat("-\"|&!():*\\OR ", 20))[..200];
        return new TheoryData<string>
        {
            new string('-', 33),
            "x " + new string('-', 33),
            "x " + new string('-', 16) + "y",
            "x " + string.Concat(Enumerable.Repeat("- ", 40)),
            string.Concat(Enumerable.Repeat("-marché ", 20)),
            string.Concat(Enumerable.Repeat("marché OR ", 19)) + "objets",
            "OR OR OR OR OR OR OR OR OR OR OR OR OR OR OR OR OR OR OR",
            "or",
            "-",
            "\"",
            new string('"', 51),
            "\"marché \"objets\" connectés\"\"",
            "\"-\"-\"-\"-\"-\"-\"-\"-\"-",
            new string('!', 150) + "marché",
            "marché & objets | connectés",
            "!(marché & objets)",
            "marché:* obj:*",
            "marché:*A:B",
            "((((((((((((((((marché))))))))))))))))",
            "marché <-> objets <2> connectés",
            new string('\\', 200),
            "marché\\",
            "'; DROP TABLE articles; --",
            "%", "_", "%zq", "100%_\\",
            operators,
            new string('a', 200),
            string.Join(' ', Enumerable.Repeat("a", 100)),
            "日本語のテスト 検索",
            "مرحبا بالعالم",
            "marché 🚀🇫🇷👨‍👩‍👧",
            "ma\u0301rche\u0301",
            "\u202Emarché",
            "mar\u200Bché",
            "marché \uE000objets\uE001",
            "\uFFFD\uFFFD",
            "   ",
        };
    }

    [Theory]
    [MemberData(nameof(NastyQueries))]
    public async Task Any_query_string_is_answered_200_or_a_400_problem_never_a_500(string query)
    {
        foreach (var path in new[] { "/api/v1/search?q=", "/api/v1/search/suggest?q=" })
        {
            var response = await api.CreateClient().GetAsync(path + Uri.EscapeDataString(query));

            if (response.StatusCode != HttpStatusCode.OK)
            {
                var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
                Assert.NotEmpty(problem.FieldErrors("q"));
            }
        }
    }

    [Fact]
    public async Task Thirty_three_minus_signs_are_a_400_problem_that_says_what_is_wrong_with_q()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/search?q=" + new string('-', 33));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("at most 16 search operators", Assert.Single(problem.FieldErrors("q")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sixteen_negations_in_a_row_are_still_searched()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("marché " + new string('-', 16) + "x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
