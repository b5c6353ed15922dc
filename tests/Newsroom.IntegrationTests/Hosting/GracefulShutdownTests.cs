using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// SIGTERM under load, as an orchestrator stops the API: requests in flight finish (here, writes whose bodies are
/// still being uploaded, so that their handlers reach the database after the signal), new connections are refused,
/// the process exits 0 and its embedded PostgreSQL server is stopped with it. Real processes.
/// </summary>
public sealed class GracefulShutdownTests(EmbeddedApiProcess api) : IClassFixture<EmbeddedApiProcess>
{
    private const int SlowWrites = 8;
    private const int Chunks = 10;
    private static readonly TimeSpan PauseBetweenChunks = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task On_SIGTERM_the_requests_in_flight_finish_new_connections_are_refused_and_the_database_stops_with_the_API()
    {
        var admin = await api.CreateAdminClientAsync();
        var authorId = await EmbeddedApiProcess.CreateAuthorAsync(admin, "Plume de la fermeture");
        var postmaster = api.PostmasterId();
        var uploads = Enumerable.Range(0, SlowWrites).Select(i => new SlowJson(ArticleFixtures.Body(authorId, $"Dernière dépêche {i}"))).ToList();
        var writes = uploads.Select(upload => admin.PostAsync("/api/v1/admin/articles", upload)).ToList();
        await Task.WhenAll(uploads.Select(upload => upload.Started));

        var exit = api.TerminateAsync(TimeSpan.FromSeconds(60));

        await UntilRefusedAsync(api.BaseAddress);
        Assert.True(uploads.Any(upload => !upload.Sent.IsCompleted), "Every upload had finished before new connections were refused: nothing was in flight.");
        var responses = await Task.WhenAll(writes);
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(0, await exit);
        Assert.False(File.Exists(api.PidFile), "postmaster.pid is still there");
        await UntilGoneAsync(postmaster);
        Assert.Contains(api.Output, line => line.Contains("Requests drained", StringComparison.Ordinal));
    }

    /// <summary>
    /// The postmaster removes its pid file just before it exits, and then waits to be reaped by init: gone, or a
    /// zombie, within moments, or it was left running.
    /// </summary>
    private static async Task UntilGoneAsync(int processId)
    {
        var clock = Stopwatch.StartNew();
        while (File.Exists($"/proc/{processId}/stat") && !IsZombie(processId))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The postmaster {processId} still runs after the API exited");
            await Task.Delay(20);
        }
    }

    private static bool IsZombie(int processId)
    {
        try
        {
            // "pid (comm) state …": the state follows the last parenthesis.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true; // it went while we looked
        }
    }

    /// <summary>Connects afresh until refused: the API has closed its listening socket.</summary>
    private static async Task UntilRefusedAsync(Uri address)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(address.Host, address.Port);
            }
            // A connection that reached the listening socket's backlog as Kestrel closed it is reset, not refused:
            // both say no new connection is taken any more.
            catch (SocketException refused) when (refused.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
            {
                return;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "New connections were still accepted 30 s after SIGTERM.");
            await Task.Delay(20);
        }
    }

    /// <summary>A JSON body sent in <see cref="Chunks"/> pieces over a few seconds, as a client on a slow network sends it.</summary>
    private sealed class SlowJson : HttpContent
    {
        private readonly byte[] _json;
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SlowJson(object body)
        {
            _json = JsonSerializer.SerializeToUtf8Bytes(body);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        }

        /// <summary>
        /// The headers and two pieces have left, the second well after the first: the server has accepted the
        /// connection and has the request in flight.
        /// </summary>
        public Task Started => _started.Task;

        public Task Sent => _sent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var size = (_json.Length + Chunks - 1) / Chunks;
            for (var offset = 0; offset < _json.Length; offset += size)
            {
                if (offset > 0)
                {
                    await Task.Delay(PauseBetweenChunks);
                }

                await stream.WriteAsync(_json.AsMemory(offset, Math.Min(size, _json.Length - offset)));
                await stream.FlushAsync();
                if (offset > 0)
                {
                    _started.TrySetResult();
                }
            }

            _sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _json.Length;
            return true;
        }
    }
}
