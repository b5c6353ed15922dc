using Microsoft.Extensions.Time.Testing;
using Newsroom.Infrastructure.Instances;

namespace Newsroom.UnitTests.Instances;

/// <summary>Each announcement this instance sent is recognised once when heard back; anything else is another instance's.</summary>
public sealed class OwnAnnouncementsTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly OwnAnnouncements _own;

    public OwnAnnouncementsTests() => _own = new OwnAnnouncements(_clock);

    [Fact]
    public void A_notification_from_a_process_this_instance_announced_from_is_its_own_once()
    {
        _own.Announced(4242);

        Assert.False(_own.TryMatch(4243));
        Assert.True(_own.TryMatch(4242));
        Assert.False(_own.TryMatch(4242));
    }

    [Fact]
    public void Two_announcements_from_one_process_are_matched_twice()
    {
        _own.Announced(4242);
        _own.Announced(4242);

        Assert.True(_own.TryMatch(4242));
        Assert.True(_own.TryMatch(4242));
        Assert.False(_own.TryMatch(4242));
    }

    [Fact]
    public void An_announcement_never_heard_back_is_forgotten_after_the_memory_span()
    {
        _own.Announced(4242);
        _clock.Advance(OwnAnnouncements.Memory);

        Assert.False(_own.TryMatch(4242));
    }
}
