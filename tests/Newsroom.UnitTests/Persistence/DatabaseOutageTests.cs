using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.UnitTests.Persistence;

/// <summary>
/// Which failures mean "the database is away" (503, back-off) and which are the request's own (409, 500…):
/// the exceptions as Npgsql and EF Core raise them, wrappers included.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string TransientFailure =
        "An exception has been raised that is likely due to a transient failure. Consider enabling transient error resiliency.";

    private static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string> GoingAwayStates => new()
    {
        PostgresErrorCodes.AdminShutdown,
        PostgresErrorCodes.CrashShutdown,
        PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.ConnectionException,
        PostgresErrorCodes.ConnectionFailure,
        PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection,
    };

    public static TheoryData<string> RequestsOwnStates => new()
    {
        PostgresErrorCodes.UniqueViolation,
        PostgresErrorCodes.SerializationFailure,
        PostgresErrorCodes.DeadlockDetected,
        PostgresErrorCodes.SyntaxError,
        PostgresErrorCodes.UndefinedColumn,
        PostgresErrorCodes.QueryCanceled,
        PostgresErrorCodes.TooManyConnections,
    };

    [Theory]
    [MemberData(nameof(GoingAwayStates))]
    public void A_server_shutting_down_starting_up_or_dropping_the_connection_is_an_outage(string sqlState)
    {
        Assert.True(DatabaseOutage.IsOutage(Server(sqlState)));
        Assert.True(DatabaseOutage.IsOutage(new DbUpdateException("save failed", Server(sqlState))));
    }

    [Theory]
    [MemberData(nameof(RequestsOwnStates))]
    public void A_server_error_about_the_request_itself_is_no_outage(string sqlState)
    {
        Assert.False(DatabaseOutage.IsOutage(Server(sqlState)));
        Assert.False(DatabaseOutage.IsOutage(new DbUpdateException("save failed", Server(sqlState))));
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException(TransientFailure, Server(sqlState))));
    }

    [Fact]
    public void A_refused_socket_is_an_outage_however_EF_wraps_it()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DatabaseOutage.IsOutage(refused));
        Assert.True(DatabaseOutage.IsOutage(new InvalidOperationException(TransientFailure, refused)));
        Assert.True(DatabaseOutage.IsOutage(new DbUpdateException("save failed", refused)));
        Assert.True(DatabaseOutage.IsOutage(new RetryLimitExceededException("retries spent", refused)));
    }

    [Fact]
    public void A_stream_the_server_closed_and_a_timeout_opening_a_connection_are_outages()
    {
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("Exception while writing to stream", new IOException("Broken pipe"))));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("The operation has timed out", new TimeoutException())));
        Assert.True(DatabaseOutage.IsOutage(new NpgsqlException("Failed to connect", new NpgsqlException("inner", new SocketException()))));
    }

    [Fact]
    public void Failures_that_do_not_come_from_the_connection_are_no_outage()
    {
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException("Sequence contains no elements")));
        Assert.False(DatabaseOutage.IsOutage(new NpgsqlException("Some client-side misuse")));
        Assert.False(DatabaseOutage.IsOutage(new NpgsqlException("bad parameter", new ArgumentException("value"))));
        Assert.False(DatabaseOutage.IsOutage(new TimeoutException("a render budget, not the database")));
        Assert.False(DatabaseOutage.IsOutage(new IOException("a file, not the database")));
        Assert.False(DatabaseOutage.IsOutage(new DbUpdateConcurrencyException("row changed")));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(7, 30)]
    [InlineData(1_000, 30)]
    [InlineData(int.MaxValue, 30)]
    public void Background_loops_back_off_doubling_from_1_s_up_to_30_s(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DatabaseOutage.BackoffAfter(failures));

    [Fact]
    public void There_is_no_back_off_before_a_failure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DatabaseOutage.BackoffAfter(0));
}
