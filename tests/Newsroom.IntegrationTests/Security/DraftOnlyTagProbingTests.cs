using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Security;

/// <summary>
/// Finding 2 of the security audit: `suggest?q=%` listed a tag only an Author's draft used, and a list filtered by
/// such a tag answered 200 (empty) where an unknown tag answers 404, so an embargoed story's tags could be read or
/// tested. Readers now know a tag or an author only through an article public at the request's instant, every route
/// answers 404 for the others exactly as for an unknown slug, and '%', '_' and '\' typed by a reader match themselves.
/// </summary>
public sealed class DraftOnlyTagProbingTests(DraftOnlyTagProbingTests.Factory api) : IClassFixture<DraftOnlyTagProbingTests.Factory>
{
    private const string SecretTag = "Projet Zq Secret";
    private const string SecretTagSlug = "projet-zq-secret";
    private const string HiddenAuthorSlug = "zoe-quarantaine";
    private const string ScheduledAuthorSlug = "zacharie-quentin";

    /// <summary>The API over a database seeded once for the class.</summary>
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "10000" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();

            // An Author's draft under a tag no public article carries, signed by an author with nothing public.
            var (account, token) = await CreateUserWithTokenAsync(Roles.Author);
            var editor = await CreateClientAsAsync(Roles.Editor);
            var hidden = await CreateAuthorAsync(editor, new { name = "Zoé Quarantaine", slug = HiddenAuthorSlug, userId = account.Id });
            var draft = ArticleFixtures.Body(hidden, title: "Révélations à venir");
            draft["tags"] = new[] { SecretTag };
            await CreateClientWithToken(token).CreateArticleAsync(draft);

            // An author whose only article is scheduled for tomorrow.
            var scheduled = await CreateAuthorAsync(editor, new { name = "Zacharie Quentin", slug = ScheduledAuthorSlug });
            var later = await editor.CreateArticleAsync(ArticleFixtures.Body(scheduled, title: "Sous embargo"));
            (await editor.PostAsJsonAsync($"/api/v1/admin/articles/{later.Id()}/schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) })).EnsureSuccessStatusCode();

            // Public articles under tags whose names hold LIKE's wildcards and escape character.
            var visible = await this.CreateAuthorAsync("Xavier Public");
            var tags = await this.EnsureTagsAsync("100% bio", "100 ans", "Bio_2025", "Bio 2025", "Sauve\\garde", "Sauvegarde");
            await this.InsertPublishedAsync("Les paysans du bio", DateTimeOffset.UtcNow.AddHours(-1), visible, tagIds: tags);
        }

        private static async Task<Guid> CreateAuthorAsync(HttpClient editor, object body)
        {
            var response = await editor.PostAsJsonAsync("/api/v1/admin/authors", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, text);
            return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        }
    }

    private async Task<string[]> SuggestAsync(string q) =>
        await api.CreateClient().GetFromJsonAsync<string[]>("/api/v1/search/suggest?q=" + Uri.EscapeDataString(q)) ?? [];

    private async Task AssertNotFoundAsync(string path)
    {
        var response = await api.CreateClient().GetAsync(path);
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%zq")]
    [InlineData("proj")]
    [InlineData("projet zq")]
    [InlineData("_")]
    [InlineData("z")]
    public async Task Completions_never_name_a_tag_or_an_author_without_public_articles(string q)
    {
        var completions = await SuggestAsync(q);

        Assert.DoesNotContain(completions, c => c.Contains("Zq", StringComparison.OrdinalIgnoreCase) || c.Contains("Zoé", StringComparison.Ordinal) || c.Contains("Zacharie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wildcards_typed_by_a_reader_match_themselves()
    {
        Assert.Equal(["100% bio"], await SuggestAsync("100%"));
        Assert.Contains("Bio_2025", await SuggestAsync("bio_"));
        Assert.DoesNotContain("Bio 2025", await SuggestAsync("bio_"));
        Assert.Equal(["Sauve\\garde"], await SuggestAsync("sauve\\"));
        Assert.Empty(await SuggestAsync("%"));
        Assert.Empty(await SuggestAsync("_"));
    }

    [Fact]
    public async Task A_draft_only_tag_is_a_404_on_every_public_route_like_an_unknown_one()
    {
        foreach (var slug in new[] { SecretTagSlug, "etiquette-inconnue" })
        {
            await AssertNotFoundAsync($"/api/v1/tags/{slug}");
            await AssertNotFoundAsync($"/api/v1/articles?tag={slug}");
            await AssertNotFoundAsync($"/api/v1/search?q=revelations&tag={slug}");
            await AssertNotFoundAsync($"/api/v1/feeds/rss?tag={slug}");
            await AssertNotFoundAsync($"/api/v1/feeds/atom?tag={slug}");
        }

        var tags = await api.CreateClient().GetStringAsync("/api/v1/tags?limit=200");
        Assert.DoesNotContain(SecretTagSlug, tags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_without_public_articles_is_a_404_on_every_public_route_and_is_not_listed()
    {
        foreach (var slug in new[] { HiddenAuthorSlug, ScheduledAuthorSlug, "auteur-inconnu" })
        {
            await AssertNotFoundAsync($"/api/v1/authors/{slug}");
            await AssertNotFoundAsync($"/api/v1/articles?author={slug}");
            await AssertNotFoundAsync($"/api/v1/search?q=embargo&author={slug}");
        }

        var authors = await api.CreateClient().GetStringAsync("/api/v1/authors");
        Assert.DoesNotContain(HiddenAuthorSlug, authors, StringComparison.Ordinal);
        Assert.DoesNotContain(ScheduledAuthorSlug, authors, StringComparison.Ordinal);
        Assert.Contains("Xavier Public", authors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_section_stays_listed_and_its_list_is_empty_since_sections_are_public_navigation()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var section = await (await editor.PostAsJsonAsync("/api/v1/admin/sections", new { name = "Rubrique vide" })).Content.ReadFromJsonAsync<JsonElement>();
        var slug = section.GetProperty("slug").GetString();

        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync($"/api/v1/sections/{slug}")).StatusCode);
        var list = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/articles?section={slug}");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        await AssertNotFoundAsync("/api/v1/articles?section=rubrique-inconnue");
    }
}
