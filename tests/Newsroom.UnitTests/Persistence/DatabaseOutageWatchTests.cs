using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Newsroom.Infrastructure.Startup;
using Newsroom.UnitTests.Telemetry;
using Npgsql;

namespace Newsroom.UnitTests.Persistence;

/// <summary>A background loop through an outage: growing waits, one line when the database goes, one when it returns.</summary>
public sealed class DatabaseOutageWatchTests : IDisposable
{
    private static readonly NpgsqlException Refused = new("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

    private readonly RecordingLogger _log = new();
    private readonly MeasuredMetrics _measured = new();

    public void Dispose() => _measured.Dispose();

    [Fact]
    public void An_outage_is_waited_out_longer_each_time_and_logged_once_without_a_stack_trace()
    {
        var watch = new DatabaseOutageWatch("scheduled publishing", _log, _measured.Metrics);

        var waits = Enumerable.Range(0, 8).Select(_ => watch.TryWaitOut(Refused, out var wait) ? wait.TotalSeconds : -1).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits);
        var line = Assert.Single(_log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("scheduled publishing", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_return_is_logged_once_and_the_next_outage_starts_again_from_1_s()
    {
        var watch = new DatabaseOutageWatch("scheduled publishing", _log, _measured.Metrics);
        watch.TryWaitOut(Refused, out _);
        watch.TryWaitOut(Refused, out _);

        watch.Succeeded();
        watch.Succeeded();

        Assert.Equal([LogLevel.Warning, LogLevel.Information], _log.Lines.Select(l => l.Level));
        Assert.True(watch.TryWaitOut(Refused, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
    }

    [Fact]
    public void Other_failures_are_left_to_the_loop_and_not_logged_here()
    {
        var watch = new DatabaseOutageWatch("scheduled publishing", _log, _measured.Metrics);
        var duplicate = new PostgresException("duplicate", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        Assert.False(watch.TryWaitOut(duplicate, out _));
        watch.Succeeded();
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public void A_loops_outage_shows_in_the_outage_gauge_until_its_next_round_reaches_the_database()
    {
        var watch = new DatabaseOutageWatch("scheduled publishing", _log, _measured.Metrics);

        watch.TryWaitOut(Refused, out _);
        Assert.Equal(1, _measured.Observe()["newsroom.database.outage"]);

        watch.Succeeded();
        Assert.Equal(0, _measured.Observe()["newsroom.database.outage"]);
    }
}
