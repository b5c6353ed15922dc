using Newsroom.LocalPostgres;
using Npgsql;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own, with an empty <c>newsroom</c> database, for tests that stop and start the
/// database (the suite's shared cluster serves every other class). Persistent, so that its data survive a stop.
/// </summary>
public sealed class StoppableCluster : IAsyncDisposable
{
    private const string DatabaseName = "newsroom";

    // Named like the suite's clusters, so that a run killed before disposing it still gets its folder swept.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"newsroom-tests-{Environment.ProcessId}-own-{Guid.NewGuid():N}"[..48]);
    private readonly LocalPostgresCluster _cluster;

    private StoppableCluster() => _cluster = new LocalPostgresCluster(_folder, LocalClusterKind.Persistent);

    /// <summary>The <c>newsroom</c> database's connection string (the same whether the cluster is running or not).</summary>
    public string ConnectionString { get; private set; } = null!;

    /// <summary>Creates the cluster and its database, and leaves it running.</summary>
    public static async Task<StoppableCluster> StartAsync()
    {
        var created = new StoppableCluster();
        await created._cluster.StartAsync();
        await using (var connection = new NpgsqlConnection(created._cluster.GetConnectionString("postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await command.ExecuteNonQueryAsync();
        }

        created.ConnectionString = created._cluster.GetConnectionString(DatabaseName);
        return created;
    }

    public Task StopAsync() => _cluster.StopAsync();

    public Task RestartAsync() => _cluster.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
