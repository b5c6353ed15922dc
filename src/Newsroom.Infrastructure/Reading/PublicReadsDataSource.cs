using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Replication;
using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// The connection pool of readers' hot queries (lists, the article page, search), apart from the one EF Core uses
/// for editing, background work and the other reads: a burst of readers can't take the connections an editor or
/// the scheduled publisher needs, and the readers' pool can be sized to what the database server can run at once
/// (<see cref="NewsroomDatabase.ReadersConnectionString"/>, <see cref="NewsroomOptions.ReadersPoolSize"/>). Each query takes a connection only for its own round
/// trips and gives it back before its response is serialised and sent.
/// With a standby configured (<see cref="NewsroomDatabase.HasStandby"/>), the readers' queries go to a pool of the same
/// size on it, except while it has not replayed the changes this instance evicted for (<see cref="ReplayProgress"/>),
/// for a request that asked for the primary (<see cref="PrimaryReads"/>), and while it is unreachable
/// (<see cref="StandbyAvailability"/>): those go to the primary.
/// Built on first use: the embedded cluster's connection string is known only once it has started.
/// </summary>
public sealed partial class PublicReadsDataSource(
    NewsroomDatabase database,
    IOptions<NewsroomOptions> options,
    ReplayProgress replay,
    StandbyAvailability standbyAvailability,
    NewsroomMetrics metrics,
    ILogger<PublicReadsDataSource> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private NpgsqlDataSource? _source;
    private NpgsqlDataSource? _standby;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!database.HasStandby || PrimaryReads.AreRequired || replay.StandbyIsBehind)
        {
            return OpenPrimaryAsync(cancellationToken);
        }

        if (!standbyAvailability.MayTry())
        {
            metrics.ReadersFellBackToPrimary();
            return OpenPrimaryAsync(cancellationToken);
        }

        return OpenStandbyOrPrimaryAsync(cancellationToken);
    }

    /// <summary>A connection of the readers' pool on the primary, whatever the standby's state.</summary>
    internal ValueTask<NpgsqlConnection> OpenPrimaryAsync(CancellationToken cancellationToken) =>
        (_source ?? Create()).OpenConnectionAsync(cancellationToken);

    /// <summary>A connection of the readers' pool on the standby (for following its replay); its failures are the caller's.</summary>
    internal ValueTask<NpgsqlConnection> OpenStandbyAsync(CancellationToken cancellationToken) =>
        (_standby ?? CreateStandby()).OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// The standby could not be reached (opening a connection, or a query on one it had given): logged once per
    /// episode, whose back-off keeps readers on the primary, and its pool's idle connections are dropped.
    /// </summary>
    public void StandbyFailed(Exception exception)
    {
        if (standbyAvailability.Failed())
        {
            LogStandbyAway(exception.GetBaseException().Message);
            // Connections opened before it went away are broken; dropped now, no reader gets one once it is back.
            _standby?.Clear();
        }
    }

    internal void StandbyReached()
    {
        if (standbyAvailability.Reached() is var failures and > 0)
        {
            LogStandbyBack(failures);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is { } source)
        {
            await source.DisposeAsync();
        }

        if (_standby is { } standby)
        {
            await standby.DisposeAsync();
        }
    }

    private async ValueTask<NpgsqlConnection> OpenStandbyOrPrimaryAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenStandbyAsync(cancellationToken);
            StandbyReached();
            PrimaryReads.NoteStandbyUsed();
            return connection;
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex) && !cancellationToken.IsCancellationRequested)
        {
            StandbyFailed(ex);
            metrics.ReadersFellBackToPrimary();
            return await OpenPrimaryAsync(cancellationToken);
        }
    }

    /// <summary>A failure (no connection string yet) is not kept: the next query tries again.</summary>
    private NpgsqlDataSource Create()
    {
        lock (_gate)
        {
            return _source ??= NpgsqlDataSource.Create(database.ReadersConnectionString(options.Value.ReadersPoolSize));
        }
    }

    private NpgsqlDataSource CreateStandby()
    {
        lock (_gate)
        {
            return _standby ??= NpgsqlDataSource.Create(database.StandbyReadersConnectionString(options.Value.ReadersPoolSize));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The readers' standby is unreachable ({Reason}); readers' queries go to the primary, trying the standby again after 1 s, 2 s, 4 s… up to every 30 s")]
    private partial void LogStandbyAway(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The readers' standby is back after {Failures} failed tries; readers' queries go to it again")]
    private partial void LogStandbyBack(int failures);
}
