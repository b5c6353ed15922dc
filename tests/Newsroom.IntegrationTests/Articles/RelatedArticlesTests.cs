namespace Newsroom.IntegrationTests.Articles;

/// <summary>
/// "À lire également" when the editors picked nothing: most shared tags, then same section, then closest title,
/// then newest. A database of its own, so that every candidate is known.
/// </summary>
public sealed class RelatedArticlesTests(NewsroomApiFactory api) : IClassFixture<NewsroomApiFactory>
{
    private static readonly DateTimeOffset Day = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Computed_matches_rank_by_shared_tags_then_section_then_title_then_recency()
    {
        var author = await api.CreateAuthorAsync("Rangement Connexe");
        var tags = await api.EnsureTagsAsync("Connexe premier", "Connexe second");
        var business = ArticleFixtures.Business;
        var page = await api.InsertPublishedAsync("Les paiements mobiles en magasin", Day, author, tagIds: tags);

        var bothTags = await api.InsertPublishedAsync("Rien de commun ici", Day.AddDays(-9), author, sectionId: business, tagIds: tags);
        var closeTitle = await api.InsertPublishedAsync("Les paiements mobiles en boutique", Day.AddDays(-8), author, tagIds: [tags[0]]);
        // Same title, so the same similarity: the newer comes first.
        var newer = await api.InsertPublishedAsync("Une tout autre histoire", Day.AddDays(-2), author, tagIds: [tags[1]]);
        var older = await api.InsertPublishedAsync("Une tout autre histoire", Day.AddDays(-3), author, tagIds: [tags[0]]);
        var otherSectionClose = await api.InsertPublishedAsync("Les paiements mobiles en magasin, suite", Day.AddDays(-7), author, sectionId: business, tagIds: [tags[0]]);
        var otherSectionFar = await api.InsertPublishedAsync("Quelque chose d'étranger", Day.AddDays(-1), author, sectionId: business, tagIds: [tags[1]]);
        // Same section, no shared tag: a candidate, but below six better ones, however close its title.
        var sectionOnly = await api.InsertPublishedAsync("Les paiements mobiles en magasin", Day.AddDays(-1), author);
        await api.InsertArticleAsync(SeededState.Draft, [author], tags);
        await api.InsertArticleAsync(SeededState.ScheduledLater, [author], tags);

        var related = await RelatedAsync(page.Slug);

        Assert.Equal([bothTags.Id, closeTitle.Id, newer.Id, older.Id, otherSectionClose.Id, otherSectionFar.Id], related);

        // Once a better one is withdrawn, the section-only article takes the sixth place.
        var editor = await api.CreateClientAsAsync(Newsroom.Domain.Users.Roles.Editor);
        (await editor.PostAsync($"/api/v1/admin/articles/{bothTags.Id}/withdraw", null)).EnsureSuccessStatusCode();
        Assert.Equal([closeTitle.Id, newer.Id, older.Id, otherSectionClose.Id, otherSectionFar.Id, sectionOnly.Id], await RelatedAsync(page.Slug));
    }

    private async Task<Guid[]> RelatedAsync(string slug) =>
        (await api.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/articles/{slug}")).GetProperty("related")
            .EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();
}
