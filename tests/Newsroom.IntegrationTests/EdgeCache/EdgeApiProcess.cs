using Npgsql;

namespace Newsroom.IntegrationTests.EdgeCache;

/// <summary>
/// The real API process purging <paramref name="edgeCaches"/> (its <c>Newsroom__EdgeCache__PurgeUrls</c>), on a database
/// of its own or on <paramref name="sharedDatabase"/> (two instances on one database), retrying quickly for the tests,
/// with <paramref name="settings"/> over these.
/// </summary>
public sealed class EdgeApiProcess(IReadOnlyList<Uri> edgeCaches, string? sharedDatabase = null, IDictionary<string, string>? settings = null) : ApiProcess
{
    protected override Task<string> DatabaseAsync() => sharedDatabase is null ? base.DatabaseAsync() : Task.FromResult(sharedDatabase);

    protected override IDictionary<string, string> Settings
    {
        get
        {
            var all = new Dictionary<string, string>
            {
                ["Newsroom__EdgeCache__FirstRetrySeconds"] = "0.2",
                ["Newsroom__EdgeCache__MaxRetrySeconds"] = "1",
                ["Newsroom__EdgeCache__TimeoutSeconds"] = "5",
                // As in NewsroomApiFactory: a loaded runner must not turn a one-line body into a 422.
                ["Newsroom__Rendering__TimeBudgetMilliseconds"] = "30000",
            };
            for (var i = 0; i < edgeCaches.Count; i++)
            {
                all[$"Newsroom__EdgeCache__PurgeUrls__{i}"] = edgeCaches[i].ToString();
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            return all;
        }
    }

    /// <summary>The outbox as the dispatchers left it: (type, payload, attempts, processed) of every message, oldest first.</summary>
    public async Task<List<(string Type, string? Payload, int Attempts, bool Processed)>> OutboxAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type, payload, attempts, processed_at IS NOT NULL FROM outbox_messages ORDER BY occurred_at, id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string?, int, bool)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3)));
        }

        return rows;
    }
}
