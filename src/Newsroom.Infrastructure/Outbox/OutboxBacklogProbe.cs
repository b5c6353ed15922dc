using System.Diagnostics;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.Infrastructure.Outbox;

/// <summary>
/// The outbox's backlog for the metrics: one query on the partial index of unprocessed events, run when the metrics
/// are collected and kept for <see cref="Freshness"/>, so that however often /metrics is scraped the database sees
/// at most one such query every few seconds. It runs on a one-connection pool of its own with short timeouts (a
/// scrape must neither take a connection requests need nor hang on a database that is away); an unreachable
/// database makes a reading without backlog, never an error, and is remembered as long as a backlog would be.
/// </summary>
public sealed class OutboxBacklogProbe(NewsroomDatabase database, TimeProvider clock) : IOutboxBacklog, IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private const string Sql = "SELECT count(*), min(occurred_at) FROM outbox_messages WHERE processed_at IS NULL";

    private readonly Lock _gate = new();
    private OutboxReading _last;
    private NpgsqlDataSource? _source;

    public OutboxReading Read()
    {
        lock (_gate)
        {
            if (_last.TakenAt != 0 && Stopwatch.GetElapsedTime(_last.TakenAt) < Freshness)
            {
                return _last;
            }

            var takenAt = Stopwatch.GetTimestamp();
            return _last = database.IsReady ? Query(takenAt) : new OutboxReading(null, DatabaseAway: false, takenAt);
        }
    }

    public void Dispose() => _source?.Dispose();

    private OutboxReading Query(long takenAt)
    {
        try
        {
            // Synchronous on purpose: metrics are collected synchronously, and the timeouts below bound the wait.
            using var command = Source().CreateCommand(Sql);
            using var reader = command.ExecuteReader();
            reader.Read();
            var events = reader.GetInt64(0);
            var oldest = reader.IsDBNull(1) ? TimeSpan.Zero : clock.GetUtcNow() - reader.GetFieldValue<DateTimeOffset>(1);
            return new OutboxReading(new OutboxBacklog(events, oldest < TimeSpan.Zero ? TimeSpan.Zero : oldest), DatabaseAway: false, takenAt);
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            return new OutboxReading(null, DatabaseAway: true, takenAt);
        }
    }

    private NpgsqlDataSource Source() => _source ??= NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        MaxPoolSize = 1,
        MinPoolSize = 0,
        Timeout = 2,
        CommandTimeout = 2,
        ApplicationName = "Newsroom metrics",
    }.ConnectionString);
}
