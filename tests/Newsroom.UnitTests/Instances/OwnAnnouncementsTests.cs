using Microsoft.Extensions.Time.Testing;
using Newsroom.Infrastructure.Instances;

namespace Newsroom.UnitTests.Instances;

/// <summary>A notification sent from a server process this instance announced from lately is its own.</summary>
public sealed class OwnAnnouncementsTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly OwnAnnouncements _own;

    public OwnAnnouncementsTests() => _own = new OwnAnnouncements(_clock);

    [Fact]
    public void A_notification_from_a_process_this_instance_announced_from_is_its_own()
    {
        _own.Announced(4242);

        Assert.True(_own.AreOwn(4242));
        Assert.False(_own.AreOwn(4243));
    }

    [Fact]
    public void A_process_not_heard_from_for_the_memory_span_is_no_longer_this_instances()
    {
        _own.Announced(4242);
        _clock.Advance(OwnAnnouncements.Memory - TimeSpan.FromMilliseconds(1));
        Assert.True(_own.AreOwn(4242));

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(_own.AreOwn(4242));
    }

    [Fact]
    public void Processes_are_forgotten_once_many_have_announced_and_the_old_ones_are_quiet()
    {
        _own.Announced(1);
        _clock.Advance(OwnAnnouncements.Memory);
        foreach (var process in Enumerable.Range(2, 300))
        {
            _own.Announced(process);
        }

        Assert.False(_own.AreOwn(1));
        Assert.True(_own.AreOwn(301));
    }
}
