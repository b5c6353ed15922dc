namespace Newsroom.IntegrationTests.SharedState;

/// <summary>
/// The Data Protection key ring lives in the database and is loaded at start-up, so it must wait for the database:
/// here the API starts its own cluster, which does not exist before <c>DatabaseStartup</c> has run. A production
/// start on a new database makes the first key without a word: keys are kept unencrypted on purpose (README).
/// </summary>
public sealed class KeyRingAtStartupTests(EmbeddedApiProcess api) : IClassFixture<EmbeddedApiProcess>
{
    [Fact]
    public async Task A_production_start_loads_the_key_ring_after_the_database_is_up_and_logs_nothing_about_it()
    {
        // Logs are written in order by one queue: once a request's line is out, every start-up line is too.
        var slug = "absent-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync($"/api/v1/articles/{slug}")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!api.Output.Any(line => line.Contains(slug, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains(api.Output, line => line.Contains(slug, StringComparison.Ordinal));
        // Data Protection logs at Warning and above in production (appsettings: "Microsoft.AspNetCore": "Warning"):
        // a key ring read before the database was up is an error, a first key made without an encryptor a warning.
        var keyRingLines = api.Output.Where(line => line.Contains("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal)).ToList();
        Assert.True(keyRingLines.Count == 0, string.Join('\n', keyRingLines));
    }
}
