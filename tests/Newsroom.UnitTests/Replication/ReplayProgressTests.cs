using Newsroom.Infrastructure.Replication;

namespace Newsroom.UnitTests.Replication;

/// <summary>When readers may use the standby: only once it has replayed a primary position learnt after every change counted.</summary>
public sealed class ReplayProgressTests : IDisposable
{
    private readonly ReplayProgress _progress = new(followsStandby: true);

    public void Dispose() => _progress.Dispose();

    [Fact]
    public void A_standby_with_no_change_counted_is_not_behind() => Assert.False(_progress.StandbyIsBehind);

    [Fact]
    public void A_counted_change_puts_the_standby_behind_before_any_position_is_known()
    {
        _progress.StandbyReplayed(ulong.MaxValue);

        _progress.ChangeCommitted();

        Assert.True(_progress.StandbyIsBehind);
        Assert.True(_progress.NeedsPrimaryPosition);
    }

    [Fact]
    public void The_standby_is_behind_until_it_has_replayed_the_primary_position_learnt_after_the_change()
    {
        _progress.ChangeCommitted();
        _progress.PrimaryWasAt(_progress.Changes, 0x16_B374D848);

        _progress.StandbyReplayed(0x16_B374D847);
        Assert.True(_progress.StandbyIsBehind);

        _progress.StandbyReplayed(0x16_B374D848);
        Assert.False(_progress.StandbyIsBehind);
    }

    [Fact]
    public void Positions_compare_as_whole_64_bit_numbers_across_the_32_bit_boundary()
    {
        _progress.ChangeCommitted();
        _progress.PrimaryWasAt(_progress.Changes, 0x1_00000000);

        _progress.StandbyReplayed(0x0_FFFFFFFF);
        Assert.True(_progress.StandbyIsBehind);

        _progress.StandbyReplayed(0x1_00000010);
        Assert.False(_progress.StandbyIsBehind);
    }

    [Fact]
    public void A_change_counted_while_a_position_was_being_learnt_keeps_the_standby_behind()
    {
        _progress.ChangeCommitted();
        var covered = _progress.Changes;
        _progress.ChangeCommitted();
        _progress.PrimaryWasAt(covered, 100);
        _progress.StandbyReplayed(100);

        Assert.True(_progress.StandbyIsBehind);
        Assert.True(_progress.NeedsPrimaryPosition);
    }

    [Fact]
    public void An_older_position_learnt_late_never_lowers_the_target()
    {
        _progress.ChangeCommitted();
        _progress.PrimaryWasAt(_progress.Changes, 500);
        _progress.ChangeCommitted();
        _progress.PrimaryWasAt(_progress.Changes, 400);

        _progress.StandbyReplayed(450);

        Assert.True(_progress.StandbyIsBehind);
    }

    [Fact]
    public void A_server_that_is_no_standby_has_replayed_everything()
    {
        _progress.ChangeCommitted();
        _progress.PrimaryWasAt(_progress.Changes, ulong.MaxValue - 1);

        _progress.StandbyReplayed(ulong.MaxValue);

        Assert.False(_progress.StandbyIsBehind);
    }

    [Fact]
    public void Without_a_standby_changes_are_not_counted()
    {
        using var none = new ReplayProgress(followsStandby: false);

        none.ChangeCommitted();

        Assert.False(none.StandbyIsBehind);
        Assert.Equal(0, none.Changes);
    }

    [Fact]
    public async Task A_counted_change_wakes_the_follower()
    {
        var woken = _progress.WaitForChangeAsync(CancellationToken.None);
        Assert.False(woken.IsCompleted);

        _progress.ChangeCommitted();
        _progress.ChangeCommitted();

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
