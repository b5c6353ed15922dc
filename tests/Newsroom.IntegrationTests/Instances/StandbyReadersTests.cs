using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Replication;
using Newsroom.Infrastructure.Search;
using Npgsql;
using Xunit.Abstractions;

namespace Newsroom.IntegrationTests.Instances;

/// <summary>
/// Two instances whose readers use a standby that replays every commit 2 s late. Replication lag is never cached:
/// after a change, an instance's readers go to the primary until the standby has replayed it, so a reader polling
/// through the instance that did not make the change never sees the old state for longer than the lag and a margin.
/// Requests with credentials read on the primary; an unreachable standby sends readers to the primary.
/// </summary>
public sealed class StandbyReadersTests(PrimaryWithStandby instances, ITestOutputHelper output) : IClassFixture<PrimaryWithStandby>
{
    private const string List = "/api/v1/articles?limit=50";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LongestStale = TimeSpan.FromSeconds(3);

    /// <summary>Past the apply delay and the margin: an answer cached from the lagging standby would still be served then.</summary>
    private static readonly TimeSpan Watched = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_reader_polling_a_just_published_article_is_never_told_it_is_missing_more_than_3_s_after_the_publish()
    {
        var editor = await instances.A.CreateAdminClientAsync();
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(await instances.A.CreateAuthorAsync("Réplique Tardive"), title: "Publié pendant que la réplique traîne"));
        var page = $"/api/v1/articles/{draft.GetProperty("slug").GetString()}";
        var reader = instances.B.CreateClient();
        Assert.DoesNotContain(draft.Id(), await reader.GetStringAsync(List), StringComparison.Ordinal);

        (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).EnsureSuccessStatusCode();
        var seen = await WatchAsync(async () =>
        {
            // Both every time: a list cached from the lagging standby would stay stale after the page is found.
            var listed = (await reader.GetStringAsync(List)).Contains(draft.Id(), StringComparison.Ordinal);
            return (await reader.GetAsync(page)).StatusCode == HttpStatusCode.OK && listed;
        });

        AssertNeverStaleAfter(seen, "the page or the list missed the published article");
    }

    [Fact]
    public async Task An_edit_of_a_published_article_is_never_shown_stale_more_than_3_s_after_it_was_saved()
    {
        var editor = await instances.A.CreateAdminClientAsync();
        var authorId = await instances.A.CreateAuthorAsync("Correction Tardive");
        var draft = await editor.CreateArticleAsync(ArticleFixtures.Body(authorId, title: "Un titre à corriger"));
        var published = await (await editor.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        var page = $"/api/v1/articles/{published.GetProperty("slug").GetString()}";
        var reader = instances.B.CreateClient();
        await Polling.UntilAsync(async () => (await reader.GetAsync(page)).StatusCode == HttpStatusCode.OK, Deadline, "B never served the article");
        await UntilCaughtUpAsync();
        Assert.Contains("Un titre à corriger", await reader.GetStringAsync(page), StringComparison.Ordinal);

        (await editor.PutArticleAsync(draft.Id(), ArticleFixtures.Body(authorId, title: "Un titre corrigé"), published.ETag())).EnsureSuccessStatusCode();
        var seen = await WatchAsync(async () => (await reader.GetStringAsync(page)).Contains("Un titre corrigé", StringComparison.Ordinal));

        AssertNeverStaleAfter(seen, "the page showed the title before the edit");
    }

    [Fact]
    public async Task Anonymous_reads_come_from_the_standby_once_it_has_caught_up_and_reads_with_credentials_from_the_primary()
    {
        var editor = await instances.B.CreateAdminClientAsync();
        var writer = await instances.A.CreateAdminClientAsync();
        var draft = await writer.CreateArticleAsync(ArticleFixtures.Body(await instances.A.CreateAuthorAsync("Deux Sources"), title: "Lu sur la réplique"));
        var published = await (await writer.PostAsync($"/api/v1/admin/articles/{draft.Id()}/publish", null)).Content.ReadFromJsonAsync<JsonElement>();
        var page = $"/api/v1/articles/{published.GetProperty("slug").GetString()}";
        await UntilCaughtUpAsync();

        await OnStandbyAsync("SELECT pg_wal_replay_pause()");
        try
        {
            // Behind every instance's back, so nothing is evicted nor routed to the primary: only the primary has it.
            await instances.A.ExecuteBehindTheApiAsync($"UPDATE articles SET title = 'Lu sur le primaire' WHERE id = {Guid.Parse(draft.Id())}");

            Assert.Contains("Lu sur la réplique", await instances.B.CreateClient().GetStringAsync(page + "?reader=anonymous"), StringComparison.Ordinal);
            Assert.Contains("Lu sur le primaire", await editor.GetStringAsync(page + "?reader=editor"), StringComparison.Ordinal);
        }
        finally
        {
            await OnStandbyAsync("SELECT pg_wal_replay_resume()");
        }
    }

    [Fact]
    public async Task When_the_standby_is_stopped_readers_are_served_from_the_primary_and_the_fallback_is_logged_once_and_counted()
    {
        using var fallbacks = new FallbackCounter(instances.B.Services.GetRequiredService<IMeterFactory>());
        var reader = instances.B.CreateClient();
        await UntilCaughtUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(List + "&probe=before")).StatusCode);

        await instances.Standby.StopAsync();
        try
        {
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 5; i++)
            {
                answers.Add((await reader.GetAsync($"{List}&probe={i}")).StatusCode);
            }

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer));
            Assert.True(fallbacks.Total >= 5, $"{fallbacks.Total} fallbacks counted");
            Assert.Single(instances.B.Logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("readers' standby is unreachable", StringComparison.Ordinal));
        }
        finally
        {
            await instances.Standby.StartAgainAsync();
        }
    }

    /// <summary>Until the standby has replayed what the primary has, and B's readers have noticed: they read from it again.</summary>
    private async Task UntilCaughtUpAsync()
    {
        await instances.A.Services.GetRequiredService<SearchVocabularyRefresher>().CaughtUpAsync(CancellationToken.None);
        var replay = instances.B.Services.GetRequiredService<ReplayProgress>();
        await Polling.UntilAsync(async () => await instances.Standby.HasReplayedAsync(instances.Primary.ConnectionString) && !replay.StandbyIsBehind,
            Deadline, "the standby did not catch up");
    }

    /// <summary>Polls for <see cref="Watched"/>: when each answer came (since the change) and whether it was up to date.</summary>
    private static async Task<List<(TimeSpan At, bool UpToDate)>> WatchAsync(Func<Task<bool>> upToDate)
    {
        var seen = new List<(TimeSpan, bool)>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Watched)
        {
            var answer = await upToDate();
            seen.Add((clock.Elapsed, answer));
            await Task.Delay(25);
        }

        return seen;
    }

    private void AssertNeverStaleAfter(List<(TimeSpan At, bool UpToDate)> seen, string stale)
    {
        var stales = seen.Where(s => !s.UpToDate).ToList();
        output.WriteLine(stales.Count == 0
            ? $"{seen.Count} answers watched over {Watched.TotalSeconds} s, none stale"
            : $"{seen.Count} answers watched over {Watched.TotalSeconds} s, {stales.Count} stale, the last {stales[^1].At.TotalMilliseconds:0} ms after the change");
        Assert.All(seen.Where(s => s.At > LongestStale), s => Assert.True(s.UpToDate, $"{stale} {s.At.TotalMilliseconds:0} ms after the change"));
    }

    private async Task OnStandbyAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(instances.Standby.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The readers' fallbacks B counts, read from B's own meters only.</summary>
    private sealed class FallbackCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public FallbackCounter(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == NewsroomMetrics.MeterName && instrument.Name == "newsroom.readers.standby_fallbacks")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
