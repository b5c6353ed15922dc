using Newsroom.Infrastructure.Search;

namespace Newsroom.UnitTests.Search;

/// <summary>When the newest document matches are found by walking the publication order rather than through the GIN index.</summary>
public sealed class CandidatePlanTests
{
    [Theory]
    [InlineData(60_000, 100_000, 100, true)] // a word in most articles: ~170 documents tested
    [InlineData(100_000, 100_000, 100, true)]
    [InlineData(6_600, 100_000, 100, false)] // ~1,500 decompressed to find 100: collecting 6,600 ids is cheaper
    [InlineData(20_000, 100_000, 100, false)]
    [InlineData(128_000, 1_000_000, 100, true)]
    [InlineData(20_000, 1_000_000, 100, false)] // the same count is rare in a larger corpus
    [InlineData(600_000, 1_000_000, 1_000, true)]
    [InlineData(0, 100_000, 100, false)]
    [InlineData(10, 0, 100, false)]
    public void Documents_are_walked_only_when_matches_are_dense(long expected, long documents, int candidates, bool walk) =>
        Assert.Equal(walk, CandidatePlan.WalkPublicationOrder(expected, documents, candidates, Tier.Document));

    [Theory]
    [InlineData(16_200, 1_000_000, 100, true)] // "paiement mobile" in 1.6 % of heads: ~6,000 rows walked, not 16,200 pages read
    [InlineData(5_200, 1_000_000, 100, false)] // the planner's guess for a word it has no statistics on: it may be in no title
    [InlineData(58_000, 100_000, 100, true)]
    [InlineData(500, 100_000, 100, false)]
    public void Heads_are_walked_when_the_walk_is_surely_short(long expected, long documents, int candidates, bool walk) =>
        Assert.Equal(walk, CandidatePlan.WalkPublicationOrder(expected, documents, candidates, Tier.Head));
}
