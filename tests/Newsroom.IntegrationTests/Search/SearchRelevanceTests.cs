using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Search;

/// <summary>A French corpus written for this project and queries with the articles that must come in their top 3.</summary>
public sealed class SearchRelevanceTests(SearchRelevanceTests.Corpus corpus) : IClassFixture<SearchRelevanceTests.Corpus>
{
    private sealed record CorpusArticle(string Key, string Title, string Standfirst, string Body, string[] Tags, string Section, DateTimeOffset PublishedAt);

    private sealed record CorpusQuery(string Q, string[] ExpectedTop, string Feature, string? Note, string[]? MustNotContain, string? ExpectedFirst);

    private sealed record CorpusFile(CorpusArticle[] Articles, CorpusQuery[] Queries);

    private static readonly CorpusFile File = JsonSerializer.Deserialize<CorpusFile>(
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "search-corpus.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>The API over a database holding exactly the corpus, as published articles.</summary>
    public sealed class Corpus : NewsroomApiFactory
    {
        public Dictionary<Guid, string> KeysById { get; } = [];

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Newsroom:RateLimits:SearchRequestsPerMinute"] = "100000" };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var author = await this.CreateAuthorAsync("Rédaction");
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
            var sections = await db.Sections.ToDictionaryAsync(s => s.Slug, s => s.Id);
            foreach (var item in File.Articles)
            {
                var tagIds = await this.EnsureTagsAsync(item.Tags);
                var id = Guid.CreateVersion7();
                var content = new ArticleContent(item.Title, item.Standfirst, item.Body, sections[item.Section], tagIds, [author], [], null);
                var article = Article.CreateDraft(id, item.Key, content, new ArticleRendering($"<p>{item.Body}</p>", item.Body, 60, 1), Guid.NewGuid(), item.PublishedAt.AddHours(-1));
                article.IndexTags(item.Tags);
                article.Publish(item.PublishedAt);
                db.Articles.Add(article);
                KeysById[id] = item.Key;
            }

            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW search_words");
            await scope.ServiceProvider.GetRequiredService<IContentChangeNotifier>().ContentChangedAsync(Newsroom.Application.Common.Abstractions.PublicChange.Everything, CancellationToken.None);
        }
    }

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (var query in File.Queries)
        {
            data.Add(query.Q);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_expected_articles_come_in_the_top_three(string q)
    {
        var query = File.Queries.First(x => x.Q == q);
        var result = await corpus.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/search?limit=50&q=" + Uri.EscapeDataString(q));
        var keys = result.GetProperty("items").EnumerateArray()
            .Select(i => corpus.KeysById[Guid.Parse(i.GetProperty("article").GetProperty("id").GetString()!)]).ToList();

        var top = keys.Take(3).ToList();
        foreach (var expected in query.ExpectedTop)
        {
            Assert.True(top.Contains(expected), $"[{query.Feature}] '{q}': expected '{expected}' in the top 3, got [{string.Join(", ", keys.Take(6))}]");
        }

        foreach (var excluded in query.MustNotContain ?? [])
        {
            Assert.False(keys.Contains(excluded), $"[{query.Feature}] '{q}': '{excluded}' must not match, got [{string.Join(", ", keys)}]");
        }

        if (query.ExpectedFirst is { } first)
        {
            Assert.Equal(first, keys.FirstOrDefault());
        }
    }
}
