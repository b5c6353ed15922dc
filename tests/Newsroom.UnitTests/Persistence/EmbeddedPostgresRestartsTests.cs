using Microsoft.Extensions.Logging;
using Newsroom.Infrastructure.Startup;

namespace Newsroom.UnitTests.Persistence;

/// <summary>The supervisor's account of a dead embedded server: growing waits between restarts, and three lines at most.</summary>
public sealed class EmbeddedPostgresRestartsTests
{
    private readonly RecordingLogger _log = new();

    [Fact]
    public void A_server_that_keeps_failing_to_start_is_tried_again_after_1_2_4_s_up_to_30_s_and_its_reason_is_logged_once()
    {
        var restarts = new EmbeddedPostgresRestarts(_log, TimeProvider.System);
        restarts.ServerDied(4242, "LOG:  database system is ready to accept connections");

        var waits = Enumerable.Range(1, 8).Select(n => restarts.RestartFailed($"pg_ctl failed, try {n}").TotalSeconds).ToArray();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30, 30], waits);
        Assert.Equal([LogLevel.Warning, LogLevel.Error], _log.Lines.Select(l => l.Level));
        Assert.Contains("4242", _log.Lines[0].Message, StringComparison.Ordinal);
        Assert.Contains("ready to accept connections", _log.Lines[0].Message, StringComparison.Ordinal);
        Assert.Contains("try 1", _log.Lines[1].Message, StringComparison.Ordinal);
        Assert.All(_log.Lines, line => Assert.Null(line.Exception));
    }

    [Fact]
    public void Its_return_is_one_line_and_the_next_death_starts_again_from_1_s()
    {
        var restarts = new EmbeddedPostgresRestarts(_log, TimeProvider.System);
        restarts.ServerDied(4242, "");
        restarts.RestartFailed("shared memory still in use");
        restarts.RestartFailed("shared memory still in use");

        restarts.ServerBack(4343);
        restarts.ServerDied(4343, "");

        Assert.Equal([LogLevel.Warning, LogLevel.Error, LogLevel.Information, LogLevel.Warning], _log.Lines.Select(l => l.Level));
        Assert.Contains("4343", _log.Lines[2].Message, StringComparison.Ordinal);
        Assert.Contains("try 3", _log.Lines[2].Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), restarts.RestartFailed("again"));
        Assert.Equal(5, _log.Lines.Count);
    }
}
