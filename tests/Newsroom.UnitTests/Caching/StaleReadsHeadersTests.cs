using Newsroom.Api.Http;

namespace Newsroom.UnitTests.Caching;

/// <summary>What a public read tells downstream caches, and how a stale answer says that it is stale.</summary>
public sealed class StaleReadsHeadersTests
{
    [Fact]
    public void Public_reads_allow_downstream_caches_stale_if_error_for_the_servers_bound()
    {
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", new CachingOptions().PublicCacheControl());
        Assert.Equal(
            "public, max-age=30, s-maxage=600, stale-while-revalidate=0, stale-if-error=600",
            new CachingOptions { MaxAgeSeconds = 30, SharedMaxAgeSeconds = 600, StaleWhileRevalidateSeconds = 0, StaleIfErrorSeconds = 600 }.PublicCacheControl());
    }

    [Fact]
    public void With_stale_if_error_off_downstream_caches_are_not_offered_it_either()
    {
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300", new CachingOptions { StaleIfErrorSeconds = 0 }.PublicCacheControl());
    }

    [Fact]
    public void An_answer_an_eviction_touched_while_it_was_made_is_kept_by_no_shared_cache_nor_served_stale()
    {
        Assert.Equal("private, max-age=30, s-maxage=0", new CachingOptions { MaxAgeSeconds = 30, SharedMaxAgeSeconds = 600 }.UnsharedCacheControl());
    }

    [Theory]
    [InlineData("75", 60, "Newsroom; hit; ttl=-15; detail=stale-if-error")]
    [InlineData("86460", 60, "Newsroom; hit; ttl=-86400; detail=stale-if-error")]
    [InlineData("", 60, "Newsroom; hit; ttl=60; detail=stale-if-error")]
    [InlineData("not a number", 1, "Newsroom; hit; ttl=1; detail=stale-if-error")]
    public void A_stale_answers_Cache_Status_says_how_long_ago_its_freshness_ended(string age, int serverCacheSeconds, string expected)
    {
        Assert.Equal(expected, StaleReads.CacheStatus(age, serverCacheSeconds));
    }

    [Theory]
    [InlineData(nameof(CachingOptions.StaleIfErrorSeconds), -1, false)]
    [InlineData(nameof(CachingOptions.StaleIfErrorSeconds), 0, true)]
    [InlineData(nameof(CachingOptions.StaleIfErrorSeconds), 604_800, true)]
    [InlineData(nameof(CachingOptions.StaleIfErrorSeconds), 604_801, false)]
    [InlineData(nameof(CachingOptions.ServerCacheMegabytes), 0, false)]
    [InlineData(nameof(CachingOptions.ServerCacheMegabytes), 1, true)]
    [InlineData(nameof(CachingOptions.ServerCacheMegabytes), 4_096, true)]
    [InlineData(nameof(CachingOptions.ServerCacheMegabytes), 4_097, false)]
    [InlineData(nameof(CachingOptions.SharedMaxAgeSeconds), -1, false)]
    [InlineData(nameof(CachingOptions.SharedMaxAgeSeconds), 0, true)]
    [InlineData(nameof(CachingOptions.SharedMaxAgeSeconds), 31_536_000, true)]
    [InlineData(nameof(CachingOptions.SharedMaxAgeSeconds), 31_536_001, false)]
    public void The_stale_bound_and_the_cache_size_are_validated(string setting, int value, bool valid)
    {
        var options = new CachingOptions();
        typeof(CachingOptions).GetProperty(setting)!.SetValue(options, value);
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        Assert.Equal(valid, System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true));
    }

    [Theory]
    [InlineData(64, 192, true)]
    [InlineData(65, 192, false)]
    [InlineData(64, 191, false)]
    [InlineData(1_024, 3_072, true)]
    public void The_server_cache_must_fit_three_times_in_the_managed_heap_limit(int cacheMegabytes, long heapMegabytes, bool fits)
    {
        var options = new CachingOptions { ServerCacheMegabytes = cacheMegabytes };

        Assert.Equal(fits, options.FitsInHeap(heapMegabytes * 1024 * 1024));
    }

    [Fact]
    public void A_server_cache_too_big_for_the_heap_is_refused_with_the_settings_to_change()
    {
        var message = CachingOptions.DoesNotFitInHeap(192L * 1024 * 1024);

        Assert.Contains("Newsroom:Caching:ServerCacheMegabytes", message, StringComparison.Ordinal);
        Assert.Contains("192 MiB", message, StringComparison.Ordinal);
        Assert.Contains("DOTNET_GCHeapHardLimit", message, StringComparison.Ordinal);
    }
}
