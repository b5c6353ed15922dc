using Newsroom.Infrastructure.Search;

namespace Newsroom.IntegrationTests.Search;

/// <summary>When the newest document matches are found by walking the publication order rather than through the GIN index.</summary>
public sealed class CandidatePlanTests
{
    [Theory]
    [InlineData(60_000, 100_000, 100, true)] // a word in most articles: ~170 documents tested
    [InlineData(100_000, 100_000, 100, true)]
    [InlineData(6_600, 100_000, 100, false)] // ~1,500 decompressed to find 100: collecting 6,600 ids is cheaper
    [InlineData(20_000, 100_000, 100, true)]
    [InlineData(20_000, 1_000_000, 100, false)] // the same count is rare in a larger corpus
    [InlineData(600_000, 1_000_000, 1_000, true)]
    [InlineData(0, 100_000, 100, false)]
    [InlineData(10, 0, 100, false)]
    public void Walk_only_when_matches_are_dense_enough(long expected, long documents, int candidates, bool walk) =>
        Assert.Equal(walk, PostgresSearchEngine.WalkPublicationOrder(expected, documents, candidates));
}
