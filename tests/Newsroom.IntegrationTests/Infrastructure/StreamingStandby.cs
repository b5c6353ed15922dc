using System.Globalization;
using Newsroom.LocalPostgres;
using Npgsql;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// A hot standby streaming from a test's own primary (a <see cref="StoppableCluster"/>), made as operators make one:
/// <c>pg_basebackup -D &lt;dir&gt; -R -X stream</c> run as the <c>postgres</c> user (with <c>-c fast</c>: the default
/// spread checkpoint it begins with takes minutes), then started on a unix socket in
/// its own folder. <c>recovery_min_apply_delay</c> makes it replay each commit that long after the primary made it,
/// the lag the readers' routing must hide.
/// </summary>
public sealed class StreamingStandby : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    // Named like the suite's clusters, so that a run killed before disposing it still gets its folder swept.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"newsroom-tests-{Environment.ProcessId}-stby-{Guid.NewGuid():N}"[..49]);
    private readonly string _bin = PostgresBinaries.Find();
    private readonly TimeSpan _applyDelay;

    private StreamingStandby(TimeSpan applyDelay, string primaryConnectionString)
    {
        _applyDelay = applyDelay;
        ConnectionString = new NpgsqlConnectionStringBuilder(primaryConnectionString) { Host = ClusterDirectory }.ConnectionString;
    }

    /// <summary>The primary's database, on the standby.</summary>
    public string ConnectionString { get; }

    private string ClusterDirectory => Path.Combine(_folder, "pg");

    /// <summary>Copies the running primary of <paramref name="primaryConnectionString"/> and starts streaming from it.</summary>
    public static async Task<StreamingStandby> StartAsync(string primaryConnectionString, TimeSpan applyDelay)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("A local standby needs PostgreSQL's server programs on a Unix-like system.");
        }

        var standby = new StreamingStandby(applyDelay, primaryConnectionString);
        var primary = new NpgsqlConnectionStringBuilder(primaryConnectionString);
        try
        {
            Directory.CreateDirectory(standby._folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            await PostgresBinaries.CreateServerFolderAsync(standby.ClusterDirectory, CommandTimeout, CancellationToken.None);
            await standby.RunAsync("pg_basebackup",
                ["-D", standby.ClusterDirectory, "-R", "-X", "stream", "-c", "fast", "-h", primary.Host!, "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", primary.Username!]);
            // The primary keeps its socket and log in its data folder: the copy holds its socket's lock and its log.
            foreach (var copied in Directory.EnumerateFiles(standby.ClusterDirectory, ".s.PGSQL.*.lock").Append(Path.Combine(standby.ClusterDirectory, "server.log")))
            {
                File.Delete(copied);
            }

            await standby.StartAgainAsync();
            return standby;
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts it again after <see cref="StopAsync"/>; it catches up from where it stopped.</summary>
    public Task StartAgainAsync()
    {
        // pg_ctl hands -o to /bin/sh; the folder holds no quote.
        var options = $"-k '{ClusterDirectory}' -c listen_addresses='' -p 5432 -c max_connections=200 -c fsync=off "
            + $"-c recovery_min_apply_delay={(int)_applyDelay.TotalMilliseconds}ms";
        return RunAsync("pg_ctl", ["-D", ClusterDirectory, "-l", Path.Combine(ClusterDirectory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
    }

    public Task StopAsync() => RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "fast", "-w", "-t", "60"]);

    /// <summary>Whether the standby has replayed everything the primary had written when asked (ignores the apply delay's wait).</summary>
    public async Task<bool> HasReplayedAsync(string primaryConnectionString)
    {
        var primary = await ScalarAsync<NpgsqlTypes.NpgsqlLogSequenceNumber>(primaryConnectionString, "SELECT pg_current_wal_insert_lsn()");
        var replayed = await ScalarAsync<NpgsqlTypes.NpgsqlLogSequenceNumber>(ConnectionString, "SELECT pg_last_wal_replay_lsn()");
        return replayed >= primary;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", ["stop", "-D", ClusterDirectory, "-m", "immediate", "-w", "-t", "60"]);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var result = await PostgresBinaries.RunAsync(Path.Combine(_bin, program), arguments, asServerUser: true, CommandTimeout, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            var log = Path.Combine(ClusterDirectory, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "(no server log)";
            throw new InvalidOperationException($"`{result.CommandLine}` failed ({result.ExitCode}): {result.StandardError}{result.StandardOutput}\n{tail}");
        }
    }
}
