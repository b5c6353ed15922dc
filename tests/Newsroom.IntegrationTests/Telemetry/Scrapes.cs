using System.Globalization;

namespace Newsroom.IntegrationTests.Telemetry;

/// <summary>Reads /metrics in the Prometheus text format: one value per series, keyed by its name and labels as written.</summary>
internal static class Scrapes
{
    public static async Task<IReadOnlyDictionary<string, double>> ScrapeAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics: {(int)response.StatusCode} {text}");
        return text.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (Series: line[..line.LastIndexOf(' ')], Value: line[(line.LastIndexOf(' ') + 1)..]))
            .ToDictionary(s => s.Series, s => double.Parse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>The sum of every series of <paramref name="name"/> whose labels include each of <paramref name="labels"/> (0 when there is none).</summary>
    public static double Sum(this IReadOnlyDictionary<string, double> scrape, string name, params string[] labels) =>
        scrape.Where(s => (s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal)) && labels.All(label => s.Key.Contains(label, StringComparison.Ordinal)))
            .Sum(s => s.Value);

    public static bool Has(this IReadOnlyDictionary<string, double> scrape, string name) =>
        scrape.Keys.Any(key => key == name || key.StartsWith(name + "{", StringComparison.Ordinal));

    /// <summary>
    /// Scrapes until <paramref name="done"/> holds (the exporter may answer from a scrape made a moment earlier, and
    /// background work lands when it lands), failing with the last scrape after <paramref name="within"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, double>> ScrapeUntilAsync(this HttpClient client, Func<IReadOnlyDictionary<string, double>, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var scrape = await client.ScrapeAsync();
            if (done(scrape))
            {
                return scrape;
            }

            Assert.True(DateTime.UtcNow < deadline, "Not scraped in time; last scrape:\n" + string.Join('\n', scrape.Select(s => $"{s.Key} {s.Value}")));
            await Task.Delay(100);
        }
    }
}
