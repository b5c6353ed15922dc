using Microsoft.Extensions.Time.Testing;
using Newsroom.Infrastructure.Replication;

namespace Newsroom.UnitTests.Replication;

/// <summary>After the standby fails, readers keep to the primary and one of them tries it again after 1 s, 2 s, 4 s… up to 30 s.</summary>
public sealed class StandbyAvailabilityTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly StandbyAvailability _standby;

    public StandbyAvailabilityTests() => _standby = new StandbyAvailability(_clock);

    [Fact]
    public void A_standby_never_seen_failing_may_be_tried_by_every_reader()
    {
        Assert.True(_standby.MayTry());
        Assert.True(_standby.MayTry());
        Assert.False(_standby.IsAway);
    }

    [Fact]
    public void The_first_failure_begins_an_episode_and_readers_keep_off_the_standby_for_a_second()
    {
        Assert.True(_standby.Failed());

        Assert.True(_standby.IsAway);
        Assert.False(_standby.MayTry());
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(_standby.MayTry());
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(_standby.MayTry());
    }

    [Fact]
    public void Once_the_back_off_is_over_only_one_reader_tries_the_standby()
    {
        _standby.Failed();
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(_standby.MayTry());
        Assert.False(_standby.MayTry());
    }

    [Fact]
    public void Failures_during_a_back_off_are_one_failure_and_log_nothing_more()
    {
        Assert.True(_standby.Failed());
        Assert.False(_standby.Failed());
        Assert.False(_standby.Failed());

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_standby.MayTry());
    }

    [Fact]
    public void Each_failed_retry_doubles_the_back_off_up_to_thirty_seconds()
    {
        _standby.Failed();
        foreach (var seconds in new[] { 1, 2, 4, 8, 16, 30, 30 })
        {
            _clock.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.False(_standby.MayTry());
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(_standby.MayTry());
            Assert.False(_standby.Failed());
        }
    }

    [Fact]
    public void Reaching_the_standby_ends_the_episode_and_tells_how_many_tries_failed()
    {
        _standby.Failed();
        _clock.Advance(TimeSpan.FromSeconds(1));
        _standby.MayTry();
        _standby.Failed();
        _clock.Advance(TimeSpan.FromSeconds(2));
        _standby.MayTry();

        Assert.Equal(2, _standby.Reached());

        Assert.False(_standby.IsAway);
        Assert.True(_standby.MayTry());
        Assert.True(_standby.MayTry());
        Assert.Equal(0, _standby.Reached());
    }
}
