using Npgsql;

namespace Newsroom.Bench.Seeding;

/// <summary>
/// Drops the secondary indexes of the bulk-loaded tables before the COPY and builds them again after, which is
/// faster than maintaining them row by row. Their definitions are kept in <c>bench.dropped_indexes</c> first, so a
/// seed killed half-way has them rebuilt by the next run instead of leaving the database without indexes.
/// Primary keys stay: foreign keys need them.
/// </summary>
internal static class SecondaryIndexes
{
    public static readonly string[] Tables = ["articles", "article_tags", "article_authors", "article_search"];

    public static async Task<int> DropAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var save = new NpgsqlCommand(
            """
            INSERT INTO bench.dropped_indexes (name, definition)
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ON CONFLICT (name) DO NOTHING
            """, connection, transaction))
        {
            save.Parameters.AddWithValue(Tables);
            await save.ExecuteNonQueryAsync(ct);
        }

        var names = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT name FROM bench.dropped_indexes", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX IF EXISTS {name}", connection, transaction);
            await drop.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return names.Count;
    }

    /// <summary>Builds every index recorded as dropped, several at a time (each build is one process on one core).</summary>
    public static async Task<int> RestoreAsync(NpgsqlDataSource db, int parallelism, CancellationToken ct)
    {
        var definitions = new List<(string Name, string Definition)>();
        await using (var list = db.CreateCommand("SELECT name, definition FROM bench.dropped_indexes ORDER BY name"))
        await using (var reader = await list.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await Parallel.ForEachAsync(definitions, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (index, token) =>
        {
            await using var connection = await db.OpenConnectionAsync(token);
            await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", connection))
            {
                await memory.ExecuteNonQueryAsync(token);
            }

            // IF NOT EXISTS: a run killed after some builds must not fail on the ones already back.
            var definition = index.Definition.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
            await using (var create = new NpgsqlCommand(definition, connection))
            {
                await create.ExecuteNonQueryAsync(token);
            }

            await using var forget = new NpgsqlCommand("DELETE FROM bench.dropped_indexes WHERE name = $1", connection);
            forget.Parameters.AddWithValue(index.Name);
            await forget.ExecuteNonQueryAsync(token);
        });
        return definitions.Count;
    }
}
