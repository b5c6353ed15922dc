using Npgsql;

namespace Newsroom.Bench.Seeding;

/// <summary>The seeder's plain statements, and what it asks of the schema to work on any branch of the repo.</summary>
internal static class Sql
{
    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether the schema has this function: a migration of the application's that the seeder must honour.</summary>
    public static async Task<bool> HasFunctionAsync(NpgsqlDataSource db, string name, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = $1)");
        command.Parameters.AddWithValue(name);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
