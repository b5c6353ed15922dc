using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.UnitTests.Persistence;

/// <summary>Start-up tries a database that is not up yet with the outage back-off, and gives up on the configured bound.</summary>
public sealed class DatabaseStartupWaitTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 30)]
    public void Well_within_the_bound_the_waits_are_the_outage_back_off(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DatabaseStartupWait.NextWait(failures, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void The_last_wait_is_shortened_so_that_the_last_try_falls_on_the_bound()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), DatabaseStartupWait.NextWait(6, TimeSpan.FromSeconds(57), Minute));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(75)]
    public void Once_the_bound_is_reached_start_up_gives_up(int waitedSeconds)
    {
        Assert.Null(DatabaseStartupWait.NextWait(3, TimeSpan.FromSeconds(waitedSeconds), Minute));
    }

    [Fact]
    public void A_bound_of_zero_gives_up_at_the_first_refusal()
    {
        Assert.Null(DatabaseStartupWait.NextWait(1, TimeSpan.Zero, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.InvalidPassword)]
    [InlineData(PostgresErrorCodes.InvalidAuthorizationSpecification)]
    [InlineData(PostgresErrorCodes.InvalidCatalogName)]
    public void A_wrong_password_or_a_missing_database_is_not_waited_for(string sqlState)
    {
        // Waiting would not change them: start-up fails at once, as it did before it waited for anything.
        Assert.False(DatabaseOutage.IsOutage(new PostgresException("message", "FATAL", "FATAL", sqlState)));
    }
}
