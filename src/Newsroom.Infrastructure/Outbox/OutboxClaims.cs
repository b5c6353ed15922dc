using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.Infrastructure.Outbox;

/// <summary>
/// The outbox's bookkeeping, in short statements of their own (never a transaction held while a handler talks to the
/// world). A claim takes due messages with <c>FOR UPDATE SKIP LOCKED</c> and leases them (<c>next_attempt_at</c>
/// moved <see cref="Lease"/> ahead, on the database's clock): with several instances each message is claimed by one
/// at a time. Recording ends the lease: processed, or due again after the back-off. Its connections come from a pool
/// of their own ("Newsroom outbox" in <c>pg_stat_activity</c>), so the dispatcher neither takes a connection requests
/// need nor meets theirs after a database restart. Used by the dispatcher's loop only, one call at a time.
/// </summary>
internal sealed class OutboxClaims(NewsroomDatabase database) : IDisposable
{
    /// <summary>
    /// Long enough for a whole batch to be handled (a purge waits at most its timeout, 60 s at most, per edge cache); an
    /// instance that dies holding a claim leaves its messages to the others once it has passed.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private const string ClaimSql = """
        UPDATE outbox_messages m SET next_attempt_at = now() + make_interval(secs => @lease)
        FROM (SELECT id FROM outbox_messages
              WHERE processed_at IS NULL AND type = ANY(@types) AND (next_attempt_at IS NULL OR next_attempt_at <= now())
              ORDER BY occurred_at LIMIT @batch
              FOR UPDATE SKIP LOCKED) due
        WHERE m.id = due.id
        RETURNING m.id, m.type, m.payload, m.attempts, m.occurred_at
        """;

    /// <summary>Messages of types nobody handles (the articles' domain events until webhooks read them) are done with at once.</summary>
    private const string SkipUnhandledSql = """
        UPDATE outbox_messages SET processed_at = now(), next_attempt_at = NULL
        WHERE processed_at IS NULL AND type <> ALL(@types)
        """;

    private const string DoneSql = "UPDATE outbox_messages SET processed_at = now(), next_attempt_at = NULL WHERE id = @id";

    private const string RetrySql = """
        UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => @after)
        WHERE id = @id AND processed_at IS NULL
        """;

    private NpgsqlDataSource? _source;

    public void Dispose() => _source?.Dispose();

    public async Task<int> SkipUnhandledAsync(string[] handledTypes, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SkipUnhandledSql, connection);
        command.Parameters.AddWithValue("types", handledTypes);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(string[] handledTypes, int batch, CancellationToken cancellationToken)
    {
        if (handledTypes.Length == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(ClaimSql, connection);
        command.Parameters.AddWithValue("lease", Lease.TotalSeconds);
        command.Parameters.AddWithValue("types", handledTypes);
        command.Parameters.AddWithValue("batch", batch);
        var claimed = new List<ClaimedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return claimed.OrderBy(m => m.OccurredAt).ThenBy(m => m.Id).ToList();
    }

    public async Task RecordAsync(Guid id, OutboxOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(outcome.RetryAfter is null ? DoneSql : RetrySql, connection);
        command.Parameters.AddWithValue("id", id);
        if (outcome.RetryAfter is { } after)
        {
            command.Parameters.AddWithValue("after", after.TotalSeconds);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }


    /// <summary>Built on first use, once the database is ready (the embedded cluster's address is known only then).</summary>
    private ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        (_source ??= NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            MaxPoolSize = 1,
            MinPoolSize = 0,
            ApplicationName = "Newsroom outbox",
        }.ConnectionString)).OpenConnectionAsync(cancellationToken);
}
