using Newsroom.Api.Http;
using Newsroom.Application.Common.Abstractions;

namespace Newsroom.UnitTests.Caching;

/// <summary>Which evictions make an answer being made unstorable: only those of its own keys, or everything.</summary>
public sealed class EvictionsTests
{
    private static readonly string[] PageOfX = [CacheKeys.Article(Guid.Parse("0193f000-0000-7000-8000-00000000000a")), CacheKeys.Tag("ia")];

    private readonly Evictions _evictions = new();

    [Fact]
    public void An_answer_no_eviction_followed_is_untouched()
    {
        var begun = _evictions.Count;

        Assert.False(_evictions.TouchedSince(begun, PageOfX));
    }

    [Fact]
    public void An_eviction_of_other_keys_leaves_the_answer_storable()
    {
        var begun = _evictions.Count;
        _evictions.Begin(PublicChange.Of([CacheKeys.Article(Guid.NewGuid()), CacheKeys.List]));

        Assert.False(_evictions.TouchedSince(begun, PageOfX));
    }

    [Fact]
    public void An_eviction_of_one_of_its_keys_touches_it_even_after_others()
    {
        var begun = _evictions.Count;
        _evictions.Begin(PublicChange.Of([CacheKeys.Tag("ia")]));
        _evictions.Begin(PublicChange.Of([CacheKeys.List]));

        Assert.True(_evictions.TouchedSince(begun, PageOfX));
    }

    [Fact]
    public void Evictions_before_the_read_began_do_not_count()
    {
        _evictions.Begin(PublicChange.Of([CacheKeys.Tag("ia")]));
        var begun = _evictions.Count;
        _evictions.Begin(PublicChange.Of([CacheKeys.List]));

        Assert.False(_evictions.TouchedSince(begun, PageOfX));
    }

    [Fact]
    public void Everything_touches_every_answer_and_any_eviction_touches_one_without_keys()
    {
        var begun = _evictions.Count;
        _evictions.Begin(PublicChange.Of([CacheKeys.List]));
        Assert.True(_evictions.TouchedSince(begun, null));

        _evictions.Begin(PublicChange.Everything);
        Assert.True(_evictions.TouchedSince(begun, PageOfX));
    }

    [Fact]
    public void More_evictions_during_one_read_than_are_remembered_count_as_touching_it()
    {
        var begun = _evictions.Count;
        for (var i = 0; i <= Evictions.Remembered; i++)
        {
            _evictions.Begin(PublicChange.Of([CacheKeys.List]));
        }

        Assert.True(_evictions.TouchedSince(begun, PageOfX));
    }
}
