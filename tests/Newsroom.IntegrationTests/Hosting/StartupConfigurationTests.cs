using System.Diagnostics;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>Outside Development the API refuses to start on configuration that would make it insecure, and says what to fix.</summary>
public sealed class StartupConfigurationTests
{
    /// <summary>Runs the real API process (as a deployment would) and returns its exit code and error output.</summary>
    internal static async Task<(int ExitCode, string Errors)> StartProductionAsync(string? signingKey, IDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Newsroom.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Newsroom"] = "Host=127.0.0.1;Port=1;Database=none";
        start.Environment["Newsroom__DataDirectory"] = Path.Combine(Path.GetTempPath(), "newsroom-prod-test-" + Guid.NewGuid().ToString("N"));
        start.Environment["Newsroom__Jwt__SigningKey"] = signingKey;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await errors);
    }

    [Fact]
    public async Task Production_without_a_signing_key_does_not_start_and_says_why()
    {
        var (exitCode, errors) = await StartProductionAsync(signingKey: null);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Newsroom__Jwt__SigningKey", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_signing_key_under_256_bits_does_not_start()
    {
        var (exitCode, errors) = await StartProductionAsync(signingKey: "too-short-key");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("256 bits", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edge_cache_purge_URL_that_is_not_absolute_http_does_not_start_and_says_which()
    {
        var (exitCode, errors) = await StartProductionAsync(
            signingKey: Convert.ToBase64String(new byte[48]), new Dictionary<string, string> { ["Newsroom__EdgeCache__PurgeUrls__0"] = "varnish:6081" });

        Assert.Equal(3, exitCode);
        Assert.Contains("PurgeUrls", errors, StringComparison.Ordinal);
        Assert.Contains("'varnish:6081'", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-4")]
    public async Task A_readers_pool_without_connections_does_not_start_and_says_which_setting(string size)
    {
        var (exitCode, errors) = await StartProductionAsync(
            signingKey: Convert.ToBase64String(new byte[48]), new Dictionary<string, string> { ["Newsroom__ReadersPoolSize"] = size });

        Assert.Equal(3, exitCode);
        Assert.Contains("ReadersPoolSize", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Newsroom__Search__CandidateLimit", "0", "CandidateLimit")]
    [InlineData("Newsroom__Search__RecencyHalfLifeDays", "0", "RecencyHalfLifeDays")]
    [InlineData("Newsroom__Publishing__PollSeconds", "0", "PollSeconds")]
    [InlineData("Newsroom__Caching__ServerCacheSeconds", "-1", "ServerCacheSeconds")]
    [InlineData("Newsroom__Caching__MaxAgeSeconds", "-1", "MaxAgeSeconds")]
    [InlineData("Newsroom__RateLimits__WritesPerMinute", "0", "WritesPerMinute")]
    [InlineData("Newsroom__RateLimits__SearchRequestsPerMinute", "-5", "SearchRequestsPerMinute")]
    [InlineData("Newsroom__Database__StartupWaitSeconds", "-1", "StartupWaitSeconds")]
    public async Task An_out_of_range_setting_does_not_start_and_says_which_one(string variable, string value, string setting)
    {
        var (exitCode, errors) = await StartProductionAsync(
            signingKey: Convert.ToBase64String(new byte[48]), new Dictionary<string, string> { [variable] = value });

        Assert.Equal(3, exitCode);
        Assert.Contains("Newsroom cannot start", errors, StringComparison.Ordinal);
        Assert.Contains(setting, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_cache_too_big_for_the_shipped_heap_limit_does_not_start_and_says_what_to_change()
    {
        var (exitCode, errors) = await StartProductionAsync(
            signingKey: Convert.ToBase64String(new byte[48]), new Dictionary<string, string> { ["Newsroom__Caching__ServerCacheMegabytes"] = "54" });

        Assert.Equal(3, exitCode);
        Assert.Contains("ServerCacheMegabytes", errors, StringComparison.Ordinal);
        Assert.Contains("160 MiB", errors, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCHeapHardLimit", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bigger_server_cache_passes_once_the_heap_limit_is_raised()
    {
        // Past the options, the process stops at the unreachable database (exit 4) rather than at the cache (3).
        var (exitCode, errors) = await StartProductionAsync(
            signingKey: Convert.ToBase64String(new byte[48]),
            new Dictionary<string, string>
            {
                ["Newsroom__Caching__ServerCacheMegabytes"] = "100",
                ["DOTNET_GCHeapHardLimit"] = "0x20000000",
                ["Newsroom__Database__StartupWaitSeconds"] = "0",
            });

        Assert.DoesNotContain("ServerCacheMegabytes", errors, StringComparison.Ordinal);
        Assert.Equal(4, exitCode);
    }
}
