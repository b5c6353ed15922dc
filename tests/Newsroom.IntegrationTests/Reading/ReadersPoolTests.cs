using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Reading;
using Newsroom.Infrastructure.Replication;
using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.IntegrationTests.Reading;

/// <summary>
/// Readers' hot queries (lists, the article page, search) run on a pool of their own, apart from EF Core's. With a
/// single connection in it, every one of them still answers: none holds a connection while it waits for another.
/// </summary>
public sealed class ReadersPoolTests(ReadersPoolTests.Factory api) : IClassFixture<ReadersPoolTests.Factory>
{
    public sealed class Factory : NewsroomApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Newsroom:ReadersPoolSize"] = "1",
        };
    }

    [Fact]
    public async Task Lists_the_article_page_and_search_answer_on_a_readers_pool_of_one_connection()
    {
        var author = await api.CreateAuthorAsync("Lecteur Unique");
        var tag = (await api.EnsureTagsAsync("Pool unique"))[0];
        var first = await api.InsertPublishedAsync("Une première stratégie d’équipe", DateTimeOffset.UtcNow.AddHours(-2), author, tagIds: [tag]);
        var second = await api.InsertPublishedAsync("Une seconde stratégie d’équipe", DateTimeOffset.UtcNow.AddHours(-1), author, tagIds: [tag]);
        var client = api.CreateClient();

        // Several at once, so that they queue for the one connection.
        var answers = await Task.WhenAll(
            client.GetAsync("/api/v1/articles?tag=pool-unique"),
            client.GetAsync($"/api/v1/articles/{first.Slug}"),
            client.GetAsync($"/api/v1/articles/{second.Slug}"),
            client.GetAsync("/api/v1/search?q=strat%C3%A9gie"),
            client.GetAsync("/api/v1/articles?section=technologies"));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var list = await answers[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([second.Id, first.Id], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var page = await answers[1].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(second.Id, page.GetProperty("next").GetProperty("id").GetGuid());
        var search = await answers[3].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, search.GetProperty("items").GetArrayLength());

        Assert.Equal(1, await ReadersConnectionsAsync());
    }

    /// <summary>Connections to this test's database named as the readers' pool names them.</summary>
    private async Task<long> ReadersConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE '% readers'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_read_before_the_embedded_database_has_started_fails_alone_and_the_next_one_connects()
    {
        var database = new NewsroomDatabase(configuredConnectionString: null);
        await using var readers = new PublicReadsDataSource(database, Options.Create(new NewsroomOptions()), new ReplayProgress(followsStandby: false),
            new StandbyAvailability(TimeProvider.System), api.Services.GetRequiredService<NewsroomMetrics>(), NullLogger<PublicReadsDataSource>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await readers.OpenConnectionAsync(CancellationToken.None));

        database.UseEmbedded(api.ConnectionString);
        await using var connection = await readers.OpenConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT current_setting('application_name')", connection);
        Assert.Equal("Newsroom readers", await command.ExecuteScalarAsync());
    }
}
