using System.Net.Sockets;
using Npgsql;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// Tells "the database is away" (down, restarting, failing over, refusing or timing out connections) from every
/// other database failure. An outage is answered 503 with <c>Retry-After</c> and waited out by the background loops;
/// anything else (a unique violation, a serialization failure, a bad query) keeps its own handling.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>What a client is told to wait before trying again: the API serves again within 2 s of the database's return.</summary>
    public const int RetryAfterSeconds = 5;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True when <paramref name="exception"/>, or what it wraps (EF's <c>DbUpdateException</c>, its "transient
    /// failure" <c>InvalidOperationException</c>, <c>RetryLimitExceededException</c>…), says the server cannot be reached.
    /// The first Npgsql exception in the chain decides: a server error counts only for its shutting-down and
    /// connection classes, a client-side one only when the connection itself failed (socket, broken stream, timeout).
    /// </summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException server:
                    return IsServerGoingAway(server.SqlState);
                case NpgsqlException client:
                    return IsConnectionFailure(client.InnerException);
            }
        }

        return false;
    }

    /// <summary>
    /// 1 s, 2 s, 4 s… capped at 30 s: the wait of a background loop after its <paramref name="failures"/>-th failure
    /// in a row (from 1), so that a long outage costs a try every half-minute rather than a log line every second.
    /// </summary>
    public static TimeSpan BackoffAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // Past 2^5 s the cap applies anyway; bounding the exponent keeps the shift from overflowing.
        var seconds = 1L << Math.Min(failures - 1, 5);
        var wait = FirstBackoff * seconds;
        return wait < LongestBackoff ? wait : LongestBackoff;
    }

    /// <summary>Class 08 (connection exceptions) and 57P01–57P03 (shutting down, crashed, still starting up).</summary>
    private static bool IsServerGoingAway(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;

    /// <summary>
    /// Npgsql wraps what broke the connection: a refused or reset socket, a stream the server closed, a timeout
    /// opening a connection or waiting for one from an exhausted pool (and, alike, a command the server never answered in time).
    /// </summary>
    private static bool IsConnectionFailure(Exception? cause) => cause switch
    {
        SocketException or IOException or TimeoutException => true,
        NpgsqlException inner and not PostgresException => IsConnectionFailure(inner.InnerException),
        _ => false,
    };
}
