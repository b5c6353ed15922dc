using System.ComponentModel.DataAnnotations;
using Newsroom.Infrastructure.EdgeCache;

namespace Newsroom.UnitTests.Caching;

/// <summary>The edge caches' settings: absolute http(s) purge URLs only, and a back-off that doubles up to its cap.</summary>
public sealed class EdgeCacheOptionsTests
{
    private static List<ValidationResult> Validate(EdgeCacheOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Without_purge_URLs_the_edge_caches_are_off_and_the_defaults_are_valid()
    {
        var options = new EdgeCacheOptions();

        Assert.False(options.Enabled);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("http://varnish:6081")]
    [InlineData("https://cache.exemple.fr/purge")]
    public void Absolute_http_and_https_URLs_are_taken(string url)
    {
        var options = new EdgeCacheOptions { PurgeUrls = [url] };

        Assert.True(options.Enabled);
        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData("varnish:6081")]
    [InlineData("/purge")]
    [InlineData("ftp://varnish/")]
    [InlineData("")]
    public void Anything_else_is_refused_and_named(string url)
    {
        var result = Assert.Single(Validate(new EdgeCacheOptions { PurgeUrls = ["http://varnish:6081", url] }));

        Assert.Contains($"'{url}'", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Newsroom:EdgeCache:PurgeUrls", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_retry_longer_than_the_longest_is_refused()
    {
        var result = Assert.Single(Validate(new EdgeCacheOptions { FirstRetrySeconds = 10, MaxRetrySeconds = 5 }));

        Assert.Contains("FirstRetrySeconds", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_wait_between_tries_doubles_from_the_first_up_to_the_longest()
    {
        var options = new EdgeCacheOptions { FirstRetrySeconds = 1, MaxRetrySeconds = 60 };

        var waits = Enumerable.Range(1, 9).Select(failures => options.RetryAfter(failures).TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waits);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RetryAfter(int.MaxValue));
    }
}
