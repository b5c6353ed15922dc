using Newsroom.Application.Common.Abstractions;
using Newsroom.Infrastructure.Instances;

namespace Newsroom.UnitTests.Instances;

public sealed class PublicChangeMessagesTests
{
    [Fact]
    public void A_change_travels_as_its_keys_and_comes_back_as_the_same_keys()
    {
        var change = PublicChange.Of([CacheKeys.List, CacheKeys.Article(Guid.Parse("0193f000-0000-7000-8000-0000000000aa")), CacheKeys.Tag("meta")]);

        var payload = PublicChangeMessages.Encode(change);
        var heard = PublicChangeMessages.Decode(payload);

        Assert.Equal("article-0193f0000000700080000000000000aa list tag-meta", payload);
        Assert.False(heard.IsEverything);
        Assert.Equal(change.Keys.Order(StringComparer.Ordinal), heard.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Everything_travels_as_a_star_and_comes_back_as_everything()
    {
        Assert.Equal("*", PublicChangeMessages.Encode(PublicChange.Everything));
        Assert.True(PublicChangeMessages.Decode("*").IsEverything);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("list * feed")]
    public void A_bare_notification_or_one_holding_a_star_drops_everything(string payload) =>
        Assert.True(PublicChangeMessages.Decode(payload).IsEverything);

    [Fact]
    public void A_change_whose_keys_do_not_fit_in_a_notification_is_sent_as_everything()
    {
        // 160 keys of 51 bytes with their separator: past PostgreSQL's 8000 bytes.
        var keys = Enumerable.Range(0, 160).Select(i => CacheKeys.Tag($"une-etiquette-assez-longue-pour-remplir-{i:D6}")).ToList();
        Assert.True(string.Join(' ', keys).Length >= 8000);

        Assert.Equal("*", PublicChangeMessages.Encode(PublicChange.Of(keys)));
    }

    [Fact]
    public void A_change_just_under_the_limit_keeps_its_keys()
    {
        var keys = Enumerable.Range(0, 150).Select(i => CacheKeys.Tag($"une-etiquette-assez-longue-pour-remplir-{i:D6}")).ToList();
        var payload = PublicChangeMessages.Encode(PublicChange.Of(keys));

        Assert.True(payload.Length is > 7000 and < 8000);
        Assert.Equal(150, PublicChangeMessages.Decode(payload).Keys.Count);
    }
}
