using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Infrastructure.Persistence;
using Npgsql;

namespace Newsroom.IntegrationTests.Reading;

/// <summary>
/// The section, tag and author slugs of a search or a feed are resolved in one statement, as a list's are, not one
/// round trip each. Observed through Npgsql's own tracing: every command it runs against this class's database.
/// </summary>
public sealed class FilterSlugsRoundTripTests(FilterSlugsRoundTripTests.Factory api) : IClassFixture<FilterSlugsRoundTripTests.Factory>
{
    /// <summary>A public article in Technologies, tagged and signed, that every filter below names.</summary>
    public sealed class Factory : NewsroomApiFactory
    {
        public string AuthorSlug { get; private set; } = string.Empty;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var author = await this.CreateAuthorAsync("Odile Carto");
            var tag = (await this.EnsureTagsAsync("Cartes marines"))[0];
            await this.InsertPublishedAsync("La cartographie des fonds marins", DateTimeOffset.UtcNow.AddHours(-1), author, tagIds: [tag]);
            await using var scope = Services.CreateAsyncScope();
            AuthorSlug = (await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().Authors.FindAsync(author))!.Slug;
        }
    }

    [Theory]
    [InlineData("/api/v1/search?q=cartographie&section=technologies&tag=cartes-marines&author={author}")]
    [InlineData("/api/v1/feeds/rss?section=technologies&tag=cartes-marines")]
    public async Task Filter_slugs_are_resolved_in_one_statement(string path)
    {
        var client = api.CreateClient();

        var statements = await StatementsAsync(async () =>
        {
            using var response = await client.GetAsync(path.Replace("{author}", api.AuthorSlug, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        Assert.Single(statements, s => s.Contains("slug = @", StringComparison.Ordinal));
    }

    /// <summary>The text of every command run on this class's database while <paramref name="run"/> runs.</summary>
    private async Task<IReadOnlyList<string>> StatementsAsync(Func<Task> run)
    {
        var database = new NpgsqlConnectionStringBuilder(api.ConnectionString).Database;
        var statements = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var tags = activity.TagObjects.ToList();
                if (tags.Any(t => Equals(t.Value, database)) && tags.FirstOrDefault(t => t.Key is "db.query.text" or "db.statement").Value is string text)
                {
                    statements.Enqueue(text);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await run();
        return statements.ToList();
    }
}
