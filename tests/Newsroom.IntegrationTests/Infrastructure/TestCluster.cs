using Microsoft.EntityFrameworkCore;
using Newsroom.Infrastructure.LocalPostgres;
using Newsroom.Infrastructure.Persistence;
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

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
