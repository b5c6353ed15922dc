using Microsoft.EntityFrameworkCore;
using Newsroom.Infrastructure.Persistence;
using Newsroom.LocalPostgres;
using Npgsql;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, provisioned from the system's binaries like the API's embedded
/// default. Migrations run once into a template; each test class gets its own copy of it (CREATE DATABASE … TEMPLATE
/// takes milliseconds), so classes run in parallel without seeing each other's data.
/// </summary>
public static class TestCluster
{
    private const string TemplateDatabase = "newsroom_template";
    private static readonly Lazy<Task<LocalPostgresCluster>> Cluster = new(StartAsync);
    private static int _databaseCounter;

    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        var name = $"newsroom_t{Interlocked.Increment(ref _databaseCounter)}_{Environment.ProcessId}";
        await ExecuteAsync(cluster.GetConnectionString("postgres"), $"CREATE DATABASE \"{name}\" TEMPLATE {TemplateDatabase}");
        return cluster.GetConnectionString(name);
    }

    /// <summary>A database with no schema at all, for tests of the API's own migration step.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        var name = $"newsroom_e{Interlocked.Increment(ref _databaseCounter)}_{Environment.ProcessId}";
        await ExecuteAsync(cluster.GetConnectionString("postgres"), $"CREATE DATABASE \"{name}\"");
        return cluster.GetConnectionString(name);
    }

    private static async Task<LocalPostgresCluster> StartAsync()
    {
        SweepStaleClusters();
        var directory = Path.Combine(Path.GetTempPath(), $"newsroom-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var cluster = new LocalPostgresCluster(directory, LocalClusterKind.Throwaway);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
        await cluster.StartAsync();

        await ExecuteAsync(cluster.GetConnectionString("postgres"), $"CREATE DATABASE {TemplateDatabase}");
        var templateConnection = cluster.GetConnectionString(TemplateDatabase) + ";Pooling=false";
        var options = new DbContextOptionsBuilder<NewsroomDbContext>()
            .UseNpgsql(templateConnection, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using (var db = new NewsroomDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        return cluster;
    }

    /// <summary>
    /// The test host may be killed before its exit handler has deleted the cluster folder: earlier runs' folders whose
    /// process is gone and whose server is not running are removed here, so /tmp doesn't fill up run after run.
    /// </summary>
    private static void SweepStaleClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "newsroom-tests-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var owner) || IsAlive(owner))
            {
                continue;
            }

            var pidFile = Path.Combine(folder, "pg", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var server) && IsAlive(server))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another run is sweeping the same folder: it is going away either way.
            }
            catch (UnauthorizedAccessException)
            {
                // Someone else's folder: not ours to remove.
            }
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
