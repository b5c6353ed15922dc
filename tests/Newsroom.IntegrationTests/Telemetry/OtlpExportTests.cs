using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace Newsroom.IntegrationTests.Telemetry;

/// <summary>
/// With the standard OTEL_EXPORTER_OTLP_ENDPOINT set, the API exports its traces there by OTLP; a collector that
/// accepts connections and never answers (the worst an endpoint can do) neither stops it starting nor holds up its
/// requests. A real process in Production, with a collector of the test's own on loopback.
/// </summary>
public sealed class OtlpExportTests(OtlpExportTests.Api api, ITestOutputHelper output) : IClassFixture<OtlpExportTests.Api>
{
    public sealed class Api : ApiProcess
    {
        public SilentCollector Collector { get; } = new();

        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{Collector.Port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Spans leave in batches every 5 s by default; the test need not wait that long.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
    }

    /// <summary>Accepts OTLP/HTTP connections, keeps the first line of each request it reads, and never answers.</summary>
    public sealed class SilentCollector : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _connections = [];
        private readonly List<string> _requestLines = [];

        public SilentCollector()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public IReadOnlyList<string> RequestLines
        {
            get
            {
                lock (_requestLines)
                {
                    return _requestLines.ToList();
                }
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            lock (_connections)
            {
                _connections.ForEach(connection => connection.Dispose());
            }
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient connection;
                try
                {
                    connection = await _listener.AcceptTcpClientAsync();
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                lock (_connections)
                {
                    _connections.Add(connection);
                }

                _ = ReadFirstLineAsync(connection);
            }
        }

        private async Task ReadFirstLineAsync(TcpClient connection)
        {
            try
            {
                using var reader = new StreamReader(connection.GetStream(), Encoding.ASCII);
                if (await reader.ReadLineAsync() is { } line)
                {
                    lock (_requestLines)
                    {
                        _requestLines.Add(line);
                    }
                }
            }
            catch (IOException)
            {
                // The API gave up on the silent collector and closed the connection: that is the point.
            }
            catch (ObjectDisposedException)
            {
                // Disposed at the end of the class.
            }
        }
    }

    [Fact]
    public async Task Traces_are_exported_by_OTLP_to_the_configured_endpoint()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().GetAsync("/api/v1/sections")).StatusCode);

        await UntilAsync(() => api.Collector.RequestLines.Any(line => line.StartsWith("POST /v1/traces ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_collector_that_never_answers_does_not_hold_requests_up()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/articles?limit=3")).StatusCode);
        await UntilAsync(() => api.Collector.RequestLines.Count > 0);
        var durations = new List<TimeSpan>();
        for (var i = 0; i < 50; i++)
        {
            var one = Stopwatch.StartNew();
            var response = await client.GetAsync($"/api/v1/articles?limit=3&x={i}");
            durations.Add(one.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        output.WriteLine("50 uncached reads while the collector stays silent, ms: " + string.Join(' ', durations.Select(d => d.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))));
        durations.Sort();
        // An export waited for on the request path would take the exporter's whole 10 s timeout.
        Assert.True(durations[^1] < TimeSpan.FromSeconds(5), $"slowest request took {durations[^1]}");
    }

    private async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "No OTLP export within 30 s; requests seen: " + string.Join(", ", api.Collector.RequestLines));
            await Task.Delay(100);
        }
    }
}
