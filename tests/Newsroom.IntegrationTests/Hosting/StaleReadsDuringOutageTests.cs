namespace Newsroom.IntegrationTests.Hosting;

/// <summary>
/// Readers keep reading while an external database is stopped for 10 s (stale-if-error, RFC 5861): cached public
/// answers are served past their lifetime, said to be stale; what was never cached, writes, and what a content change
/// evicted are 503; normal service is back within 2 s of the database's return, with no 500 and no restart.
/// </summary>
public sealed class StaleReadsDuringOutageTests(StaleReadsOutage outage) : IClassFixture<StaleReadsOutage>
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(2);

    [Fact]
    public void A_cached_article_past_its_lifetime_is_served_while_the_database_is_away_as_it_was_stored()
    {
        var before = outage.ArticleBefore;
        var stale = outage.StaleArticle;
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Equal(before.Body, stale.Body);
        Assert.Equal(before.ETag, stale.ETag);
        Assert.Equal(before.LastModified, stale.LastModified);
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400", stale.CacheControl);
    }

    [Fact]
    public void A_stale_answer_says_its_Age_and_that_it_is_stale_in_Cache_Status()
    {
        foreach (var stale in new[] { outage.StaleArticle, outage.StaleList })
        {
            Assert.True(long.TryParse(stale.Age, out var age) && age >= 1, $"Age: {stale.Age}");
            Assert.Equal($"Newsroom; hit; ttl={1 - age}; detail=stale-if-error", stale.CacheStatus);
        }
    }

    [Fact]
    public void A_cached_list_is_served_stale_too()
    {
        Assert.Equal(HttpStatusCode.OK, outage.StaleList.Status);
        Assert.Equal(outage.ListBefore.Body, outage.StaleList.Body);
        Assert.Equal(outage.ListBefore.ETag, outage.StaleList.ETag);
    }

    [Fact]
    public void A_conditional_read_of_a_stale_copy_is_304_when_its_ETag_still_matches()
    {
        Assert.Equal(HttpStatusCode.NotModified, outage.StaleRevalidation.Status);
        Assert.Empty(outage.StaleRevalidation.Body);
        Assert.Equal(outage.ArticleBefore.ETag, outage.StaleRevalidation.ETag);
    }

    [Fact]
    public void Readers_of_cached_answers_see_no_error_during_the_whole_10_s_outage()
    {
        Assert.True(outage.OutageLasted >= StaleReadsOutage.Length, $"The outage lasted {outage.OutageLasted}");
        Assert.True(outage.CachedReadsDuringOutage.Count >= 20, $"{outage.CachedReadsDuringOutage.Count} reads");
        Assert.All(outage.CachedReadsDuringOutage, seen => Assert.Equal(HttpStatusCode.OK, seen.Status));
    }

    [Fact]
    public void An_uncached_read_and_a_write_are_503_with_Retry_After()
    {
        foreach (var seen in new[] { outage.UncachedRead, outage.Write })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, seen.Status);
            Assert.Contains("urn:newsroom:problem:service-unavailable", seen.Body, StringComparison.Ordinal);
            Assert.Equal("5", seen.RetryAfter);
            Assert.Null(seen.CacheStatus);
        }
    }

    [Fact]
    public void An_article_withdrawn_before_the_outage_does_not_come_back_from_the_server_cache()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outage.WithdrawnArticle.Status);
        Assert.Null(outage.WithdrawnArticle.CacheStatus);
    }

    [Fact]
    public void Within_2_s_of_the_return_answers_are_fresh_again_reads_and_writes_work_and_none_was_a_500()
    {
        Assert.True(outage.FreshArticleAfter < Recovery, $"Fresh again {outage.FreshArticleAfter} after the return");
        Assert.True(outage.UncachedReadAfter < Recovery, $"Uncached reads again {outage.UncachedReadAfter} after the return");
        Assert.True(outage.WriteAfter < Recovery, $"Writes again {outage.WriteAfter} after the return");
        Assert.DoesNotContain(outage.AfterReturn, seen => (int)seen.Status >= 500 && seen.Status != HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public void With_stale_if_error_off_an_expired_answer_is_not_served_and_downstream_caches_are_not_offered_it()
    {
        Assert.Equal("public, max-age=60, s-maxage=60, stale-while-revalidate=300", outage.WithoutStaleReadsBefore.CacheControl);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outage.WithoutStaleReadsExpired.Status);
        Assert.Null(outage.WithoutStaleReadsExpired.CacheStatus);
    }
}
