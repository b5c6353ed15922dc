using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Users;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// The keys each kind of committed change announces (what other instances and edge caches will drop), as a registered
/// <see cref="IPublicChangeAnnouncer"/> hears them; on the API's own clock, so a scheduled article goes live on demand.
/// </summary>
public sealed class AnnouncedChangesTests(AnnouncedChangesTests.Factory api) : IClassFixture<AnnouncedChangesTests.Factory>
{
    private static readonly PublicChange Searches = PublicChange.Of([CacheKeys.Search]);

    public sealed class Factory : NewsroomApiFactory
    {
        public ConcurrentQueue<PublicChange> Announced { get; } = new();

        protected override bool UseFakeClock => true;

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<IPublicChangeAnnouncer>(new Recorder(Announced));

        private sealed class Recorder(ConcurrentQueue<PublicChange> announced) : IPublicChangeAnnouncer
        {
            public Task AnnounceAsync(PublicChange change, CancellationToken cancellationToken)
            {
                announced.Enqueue(change);
                return Task.CompletedTask;
            }
        }
    }

    private static string Article(string id) => CacheKeys.Article(Guid.Parse(id));

    /// <summary>What commands announced during <paramref name="act"/>: the vocabulary's rebuilds, which come when they will, are left out.</summary>
    private async Task<string[]> AnnouncedDuringAsync(Func<Task> act)
    {
        api.Announced.Clear();
        await act();
        return [.. api.Announced.Where(c => c.ToString() != Searches.ToString()).Select(c => c.ToString())];
    }

    private async Task<JsonElement> PublishAsync(HttpClient editor, string title)
    {
        var created = await editor.CreateArticleAsync(ArticleFixtures.Body(await api.CreateAuthorAsync("Annonces"), title: title));
        var published = await editor.PostAsync($"/api/v1/admin/articles/{created.Id()}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return await published.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Keys(params string[] keys) => PublicChange.Of(keys).ToString();

    [Fact]
    public async Task Publishing_announces_the_article_every_listing_and_the_page_of_its_new_previous_article()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var previous = await PublishAsync(editor, "Le précédent");
        var x = default(JsonElement);

        var announced = await AnnouncedDuringAsync(async () => x = await PublishAsync(editor, "Le nouveau"));

        Assert.Equal([Keys(Article(x.Id()), Article(previous.Id()), "list", "feed", "search", "sitemap")], announced);
    }

    [Fact]
    public async Task Editing_a_published_article_announces_its_page_searches_and_the_sitemap_and_a_draft_save_nothing()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var x = await PublishAsync(editor, "Un titre à reprendre");
        var authorId = Guid.Parse(x.GetProperty("authors")[0].GetProperty("id").GetString()!);

        var edited = await AnnouncedDuringAsync(async () =>
            (await editor.PutArticleAsync(x.Id(), ArticleFixtures.Body(authorId, title: "Un titre repris"), x.ETag())).EnsureSuccessStatusCode());
        Assert.Equal([Keys(Article(x.Id()), "search", "sitemap")], edited);

        var drafted = await AnnouncedDuringAsync(() => editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Un brouillon muet")));
        Assert.Empty(drafted);
    }

    [Fact]
    public async Task Merging_tags_announces_both_slugs_and_what_showed_their_names()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var body = ArticleFixtures.Body(await api.CreateAuthorAsync("Fusion"), title: "Une étiquette à fondre");
        body["tags"] = new[] { "IA", "Intelligence artificielle" };
        var source = await editor.CreateArticleAsync(body);
        var (ia, full) = (source.GetProperty("tags")[0].GetProperty("id").GetString(), source.GetProperty("tags")[1].GetProperty("id").GetString());

        var merged = await AnnouncedDuringAsync(async () =>
            (await editor.PostAsJsonAsync($"/api/v1/admin/tags/{ia}/merge", new { targetId = full })).EnsureSuccessStatusCode());

        Assert.Equal([Keys("tag-ia", "tag-intelligence-artificielle", "list", "feed", "search")], merged);
    }

    [Fact]
    public async Task A_scheduled_article_going_live_announces_every_listing_and_the_page_of_its_new_previous_article()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        var scheduled = await editor.CreateArticleAsync(ArticleFixtures.Body(await api.CreateAuthorAsync("Programmée"), title: "Une sortie programmée"));
        (await editor.PostAsJsonAsync($"/api/v1/admin/articles/{scheduled.Id()}/schedule", new { publishAt = api.Clock.GetUtcNow().AddMinutes(5) }))
            .EnsureSuccessStatusCode();
        var previous = await PublishAsync(editor, "Paru avant la sortie programmée");
        api.Announced.Clear();

        api.Clock.Advance(TimeSpan.FromMinutes(6));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!api.Announced.Any(c => c.Keys.Contains(Article(scheduled.Id()))))
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduled article's going live was never announced");
            api.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var wentLive = api.Announced.First(c => c.Keys.Contains(Article(scheduled.Id())));
        Assert.Equal(Keys(Article(scheduled.Id()), Article(previous.Id()), "list", "feed", "search", "sitemap"), wentLive.ToString());
    }

    [Fact]
    public async Task The_search_vocabularys_rebuild_announces_that_searches_are_stale()
    {
        var editor = await api.CreateClientAsAsync(Roles.Editor);
        api.Announced.Clear();
        await PublishAsync(editor, "Un mot nouveau pour les recherches");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!api.Announced.Any(c => c.ToString() == Searches.ToString()))
        {
            Assert.True(DateTime.UtcNow < deadline, "the vocabulary's rebuild never announced that searches are stale");
            await Task.Delay(50);
        }
    }
}
