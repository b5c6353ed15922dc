using System.Diagnostics;
using Newsroom.Application.Common.Telemetry;

namespace Newsroom.UnitTests.Telemetry;

/// <summary>newsroom.database.outage: 1 from the moment anything finds the database away until something reaches it again.</summary>
public sealed class DatabaseOutageGaugeTests : IDisposable
{
    private const string Outage = "newsroom.database.outage";

    private readonly MeasuredMetrics.FixedOutbox _outbox = new(default);
    private readonly MeasuredMetrics _measured;

    public DatabaseOutageGaugeTests() => _measured = new MeasuredMetrics(_outbox);

    public void Dispose() => _measured.Dispose();

    [Fact]
    public void The_gauge_is_0_until_an_outage_is_seen_and_1_until_the_database_is_reached_again()
    {
        Assert.Equal(0, _measured.Observe()[Outage]);

        _measured.Metrics.DatabaseWentAway();
        Assert.Equal(1, _measured.Observe()[Outage]);

        _measured.Metrics.DatabaseReached();
        Assert.Equal(0, _measured.Observe()[Outage]);
    }

    [Fact]
    public void An_outbox_reading_taken_before_an_outage_was_seen_does_not_end_it()
    {
        var takenBefore = Stopwatch.GetTimestamp();
        _outbox.Reading = new OutboxReading(new OutboxBacklog(3, TimeSpan.FromSeconds(7)), DatabaseAway: false, takenBefore);

        _measured.Metrics.DatabaseWentAway();

        var observed = _measured.Observe();
        Assert.Equal(1, observed[Outage]);
        Assert.Equal(3, observed["newsroom.outbox.backlog"]);
        Assert.Equal(7, observed["newsroom.outbox.oldest_age"]);
    }

    [Fact]
    public void A_scrape_that_finds_the_database_away_reports_the_outage_and_no_backlog()
    {
        _outbox.Reading = new OutboxReading(null, DatabaseAway: true, Stopwatch.GetTimestamp());

        var observed = _measured.Observe();

        Assert.Equal(1, observed[Outage]);
        Assert.False(observed.ContainsKey("newsroom.outbox.backlog"));
        Assert.False(observed.ContainsKey("newsroom.outbox.oldest_age"));
    }

    [Fact]
    public void A_later_outbox_reading_that_reached_the_database_ends_the_outage()
    {
        _measured.Metrics.DatabaseWentAway();
        _outbox.Reading = new OutboxReading(new OutboxBacklog(0, TimeSpan.Zero), DatabaseAway: false, Stopwatch.GetTimestamp());

        Assert.Equal(0, _measured.Observe()[Outage]);
    }
}
