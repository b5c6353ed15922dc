using Newsroom.LocalPostgres;
using Npgsql;

namespace Newsroom.Bench;

/// <summary>
/// The benchmark's own PostgreSQL: the application's <see cref="LocalPostgresCluster"/> (Persistent kind) in
/// <c>bench/.data</c>, so a 1M corpus survives between runs. Whoever starts it stops it; a server found running
/// (started by bench/run.sh, say) is used and left running.
/// </summary>
internal sealed class BenchCluster
{
    public const string Database = "newsroom_bench";

    private readonly LocalPostgresCluster cluster;

    public BenchCluster(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        cluster = new LocalPostgresCluster(DataDirectory, LocalClusterKind.Persistent) { SharedBuffers = ProductionSharedBuffers() };
    }

    /// <summary>
    /// A quarter of the machine's memory, at most 8 GB, as a database server would be set up. The embedded default's
    /// 128 MB would make every query of a multi-gigabyte corpus read its pages through the kernel, which measures
    /// the configuration rather than the API (at 1M articles: search p95 135 ms with 128 MB, 66 ms with 4 GB).
    /// </summary>
    private static string ProductionSharedBuffers()
    {
        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var megabytes = Math.Clamp(total / 4 / (1024 * 1024), 128, 8 * 1024);
        return $"{megabytes}MB";
    }

    public string DataDirectory { get; }

    /// <summary>True when a live server already serves this folder (its postmaster.pid names a running process).</summary>
    public bool IsRunning
    {
        get
        {
            var pidFile = Path.Combine(DataDirectory, "pg", "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return false;
            }

            try
            {
                var firstLine = File.ReadLines(pidFile).FirstOrDefault();
                return int.TryParse(firstLine, out var pid) && Directory.Exists($"/proc/{pid}");
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    /// <summary>Starts the server (or adopts a running one); returns true when this call started it.</summary>
    public async Task<bool> StartAsync(CancellationToken ct)
    {
        var wasRunning = IsRunning;
        await cluster.StartAsync(ct);
        return !wasRunning;
    }

    public Task StopAsync() => cluster.StopAsync();

    /// <summary>Exactly what the API's embedded default uses (pool of 50, 30 s command timeout): what run.sh gives the API.</summary>
    public string ApplicationConnectionString() => cluster.GetConnectionString(Database);

    /// <summary>For the seeder's own work: no command timeout (index builds, VACUUM on 1M rows).</summary>
    public string ConnectionString(string database = Database) =>
        new NpgsqlConnectionStringBuilder(cluster.GetConnectionString(database))
        {
            // Index builds and VACUUM on 1M rows take longer than the application's 30 s default.
            CommandTimeout = 0,
            ApplicationName = "Newsroom.Bench",
        }.ConnectionString;

    /// <summary>Shell assignments for libpq programs (pgbench, psql) from an Npgsql connection string.</summary>
    public static string LibpqEnvironment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var lines = new List<string>
        {
            $"PGHOST={Quote(builder.Host ?? "localhost")}",
            $"PGPORT={builder.Port}",
            $"PGDATABASE={Quote(builder.Database ?? Database)}",
        };
        if (!string.IsNullOrEmpty(builder.Username))
        {
            lines.Add($"PGUSER={Quote(builder.Username)}");
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            lines.Add($"PGPASSWORD={Quote(builder.Password)}");
        }

        lines.Add($"PGSSLMODE={(builder.SslMode == SslMode.Disable ? "disable" : "prefer")}");
        return string.Join('\n', lines);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
