using System.Collections.Concurrent;
using System.Diagnostics;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// The embedded default supervises its PostgreSQL server: killed under write load (<c>kill -9</c> of the postmaster),
/// it is started again by the API itself, writes fail with 503 (never 500) only meanwhile, and every write
/// acknowledged before, during and after is there. Real processes: the API in Production on its embedded cluster.
/// </summary>
public sealed class EmbeddedDatabaseSupervisionTests(EmbeddedApiProcess api, Xunit.Abstractions.ITestOutputHelper output)
    : IClassFixture<EmbeddedApiProcess>
{
    /// <summary>The bound, from the kill to the first write acknowledged again.</summary>
    private static readonly TimeSpan WritesAgainWithin = TimeSpan.FromSeconds(5);

    private const int Writers = 4;

    private sealed record Write(TimeSpan StartedAfterKill, HttpStatusCode Status, string? ArticleId, string Body);

    [Fact]
    public async Task After_kill_9_of_its_postmaster_the_API_restarts_it_answers_503_meanwhile_and_loses_no_acknowledged_write()
    {
        var admin = await api.CreateAdminClientAsync();
        var authorId = await EmbeddedApiProcess.CreateAuthorAsync(admin, "Plume de la relance");
        var killed = new Stopwatch();
        var writes = new ConcurrentQueue<Write>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = killed.Elapsed;
                var response = await admin.PostAsJsonAsync("/api/v1/admin/articles", ArticleFixtures.Body(authorId, $"Dépêche {w}-{n}"));
                var body = await response.Content.ReadAsStringAsync();
                var id = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString() : null;
                writes.Enqueue(new Write(killed.IsRunning ? started : TimeSpan.MinValue, response.StatusCode, id, body));
            }
        })).ToArray();
        await UntilAsync(() => writes.Count(w => w.Status == HttpStatusCode.Created) >= 20, TimeSpan.FromSeconds(60), "no write acknowledged before the kill");
        var postmaster = api.PostmasterId();

        KillHard(postmaster);
        killed.Start();

        await UntilAsync(() => writes.Any(w => w.StartedAfterKill > TimeSpan.Zero && w.Status == HttpStatusCode.Created), TimeSpan.FromSeconds(60), "writes never succeeded again");
        var firstAcknowledged = writes.Where(w => w.StartedAfterKill > TimeSpan.Zero && w.Status == HttpStatusCode.Created).Min(w => w.StartedAfterKill);
        var afterwards = writes.Count;
        await UntilAsync(() => writes.Count >= afterwards + 20, TimeSpan.FromSeconds(60), "writes stopped after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var failures = writes.Where(w => w.Status != HttpStatusCode.Created).ToList();
        output.WriteLine($"{writes.Count(w => w.ArticleId is not null)} writes acknowledged, {failures.Count} refused; "
            + $"the first acknowledged after the kill started {firstAcknowledged.TotalMilliseconds:0} ms after it");
        Assert.All(failures, w => Assert.True(w.Status == HttpStatusCode.ServiceUnavailable, $"{(int)w.Status} {w.Body}"));
        Assert.All(failures, w => Assert.Contains("urn:newsroom:problem:service-unavailable", w.Body, StringComparison.Ordinal));
        Assert.True(firstAcknowledged < WritesAgainWithin, $"The first write acknowledged after the kill started {firstAcknowledged.TotalSeconds:0.0} s after it.");
        Assert.NotEqual(postmaster, api.PostmasterId());
        Assert.Contains(api.Output, line => line.Contains("is back", StringComparison.Ordinal));
        foreach (var acknowledged in writes.Where(w => w.ArticleId is not null))
        {
            var read = await admin.GetAsync($"/api/v1/admin/articles/{acknowledged.ArticleId}");
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"Acknowledged article {acknowledged.ArticleId} is {(int)read.StatusCode}");
        }
    }

    private static void KillHard(int processId)
    {
        using var kill = Process.Start("kill", ["-KILL", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, failure);
            await Task.Delay(20);
        }
    }
}
