using System.Globalization;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// In Production the API logs one JSON object per line on its standard output, which a log collector parses, and a
/// request's lines carry its trace id. The only plain lines are the start-up banner, written for the person starting it.
/// </summary>
public sealed class ProductionLogsTests(ApiProcess api) : IClassFixture<ApiProcess>
{
    private const string Banner = "Newsroom API listening on ";

    [Fact]
    public async Task Every_log_line_in_production_is_one_JSON_object_with_a_UTC_timestamp_level_category_and_message()
    {
        await RefusedReadAsync();

        var logLines = await LogLinesAsync(entries => entries.Count > 0);

        Assert.All(logLines, line =>
        {
            var timestamp = line.GetProperty("Timestamp").GetString()!;
            Assert.EndsWith("Z", timestamp, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture).Offset);
            Assert.False(string.IsNullOrEmpty(line.GetProperty("LogLevel").GetString()));
            Assert.False(string.IsNullOrEmpty(line.GetProperty("Category").GetString()));
            Assert.Equal(JsonValueKind.String, line.GetProperty("Message").ValueKind);
        });
    }

    [Fact]
    public async Task A_requests_log_line_carries_its_trace_id()
    {
        var slug = await RefusedReadAsync();

        var logLines = await LogLinesAsync(entries => entries.Any(line => Mentions(line, slug)));

        var requestLine = logLines.First(line => Mentions(line, slug));
        var traceIds = requestLine.GetProperty("Scopes").EnumerateArray()
            .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
            .Select(scope => scope.GetProperty("TraceId").GetString())
            .ToList();
        var traceId = Assert.Single(traceIds);
        Assert.Matches("^[0-9a-f]{32}$", traceId);
    }

    /// <summary>A read of an article that does not exist: its refusal is logged at Information, within the request.</summary>
    private async Task<string> RefusedReadAsync()
    {
        var slug = "absent-" + Guid.NewGuid().ToString("N");
        var response = await api.CreateClient().GetAsync($"/api/v1/articles/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        return slug;
    }

    private static bool Mentions(JsonElement line, string text) => line.GetProperty("Message").GetString()!.Contains(text, StringComparison.Ordinal);

    /// <summary>
    /// Every line of standard output except the banner, each parsed as JSON (a line that is not fails the test), once
    /// <paramref name="complete"/> holds: the process writes its logs a moment after the response.
    /// </summary>
    private async Task<List<JsonElement>> LogLinesAsync(Func<List<JsonElement>, bool> complete)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var lines = api.Output.Where(line => !line.StartsWith(Banner, StringComparison.Ordinal)).ToList();
            var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
            Assert.All(entries, entry => Assert.Equal(JsonValueKind.Object, entry.ValueKind));
            if (complete(entries))
            {
                return entries;
            }

            Assert.False(timeout.IsCancellationRequested, "Not logged within 10 s:\n" + string.Join('\n', lines));
            await Task.Delay(50);
        }
    }
}
