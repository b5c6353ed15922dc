using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Newsroom.LocalPostgres;

/// <summary>
/// <see cref="LocalClusterKind.Persistent"/> keeps its data between runs (the API's embedded default);
/// <see cref="LocalClusterKind.Throwaway"/> trades durability for speed and is deleted on stop (tests).
/// </summary>
public enum LocalClusterKind
{
    Persistent,
    Throwaway,
}

/// <summary>
/// A private PostgreSQL cluster made from the machine's own server programs, reachable only through a unix socket
/// in its own folder, so parallel runs never race for a TCP port. Unix-like systems only.
/// Nothing is hooked globally: whoever owns the cluster stops it (on host shutdown or <c>ProcessExit</c>).
/// </summary>
public sealed partial class LocalPostgresCluster : IAsyncDisposable
{
    // pg_ctl waits up to 60 s itself (-t 60); the margin is for runuser, and for initdb on slow disks.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ClusterFolder folder;
    private readonly ILogger logger;
    private string? binDirectory;
    private string? socketDirectory;
    private int port = ClusterFolder.DefaultPort;
    private volatile bool running;
    // Set once a start has touched the disk, so that stopping a throwaway never deletes a folder it never used.
    private bool touched;

    public LocalPostgresCluster(string dataDirectory, LocalClusterKind kind, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        // pg_ctl pastes -D and -l into a /bin/sh command line inside double quotes; these would break out of them.
        if (dataDirectory.IndexOfAny(['"', '$', '`', '\\']) >= 0)
        {
            throw new ArgumentException("The data directory must not contain \", $, ` or \\.", nameof(dataDirectory));
        }

        DataDirectory = Path.GetFullPath(dataDirectory);
        Kind = kind;
        folder = new ClusterFolder(DataDirectory);
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The folder given to the constructor; the cluster, its log and (usually) its socket live in <c>pg/</c> inside it.</summary>
    public string DataDirectory { get; }

    public LocalClusterKind Kind { get; }

    /// <summary>
    /// PostgreSQL's <c>shared_buffers</c> for this server, e.g. "128MB" (the default, enough for development and
    /// tests) or "4GB" (the benchmark sizes it like a production server). Digits and a kB/MB/GB unit only.
    /// </summary>
    public string SharedBuffers
    {
        get;
        init => field = System.Text.RegularExpressions.Regex.IsMatch(value, "^[1-9][0-9]{0,6}(kB|MB|GB)$")
            ? value
            : throw new ArgumentException("shared_buffers must be digits followed by kB, MB or GB.", nameof(value));
    } = "128MB";

    public bool IsRunning => running;

    /// <summary>
    /// Initialises the cluster if needed and starts it, or adopts the server a previous process left running.
    /// Does nothing when already running.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">PostgreSQL is not installed.</exception>
    /// <exception cref="InvalidOperationException">initdb or pg_ctl failed; the message carries their output and the server log.</exception>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (running)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            binDirectory ??= PostgresBinaries.Find();
            touched = true;
            socketDirectory = folder.SocketDirectory;
            await folder.PrepareAsync(CommandTimeout, ct);
            if (!folder.IsInitialised)
            {
                await InitialiseAsync(ct);
            }

            var adopted = await TryAdoptRunningServerAsync(ct);
            if (!adopted)
            {
                await LaunchAsync(ct);
            }

            running = true;
            LogStarted(logger, adopted ? "Reusing the already running" : "Started", folder.ClusterDirectory, socketDirectory, clock.ElapsedMilliseconds);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>An Npgsql connection string to <paramref name="database"/> over the cluster's unix socket.</summary>
    /// <exception cref="InvalidOperationException">The cluster is not running.</exception>
    public string GetConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (!running || socketDirectory is null)
        {
            // The socket folder and port are only certain once started: an adopted server reports its own.
            throw new InvalidOperationException("Start the local PostgreSQL cluster before asking for a connection string.");
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = socketDirectory,
            Port = port,
            Username = PostgresBinaries.ServerUser,
            Database = database,
            Pooling = true,
            Timeout = 15,
            CommandTimeout = 30,
            // A unix socket on this machine: TLS would only cost a round trip.
            SslMode = SslMode.Disable,
            // A private development or test cluster: the failing values help more than they could leak.
            IncludeErrorDetail = true,
            ApplicationName = "Newsroom",
        }.ConnectionString;
    }

    /// <summary>
    /// Stops the server (fast shutdown; immediate for a throwaway, whose whole folder is then deleted).
    /// Safe to call twice, before any start, and from <c>AppDomain.ProcessExit</c>.
    /// </summary>
    public async Task StopAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (!touched)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            var pid = folder.ReadPidFile();
            if (pid is not null && !folder.IsServedBy(pid))
            {
                folder.RemoveStaleLocks(pid);
            }
            else if (pid is not null || File.Exists(Path.Combine(folder.ClusterDirectory, "postmaster.pid")))
            {
                await StopServerAsync();
            }

            running = false;
            if (Kind == LocalClusterKind.Throwaway)
            {
                await folder.DeleteAsync();
                touched = false;
            }

            LogStopped(logger, folder.ClusterDirectory, clock.ElapsedMilliseconds);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitialiseAsync(CancellationToken ct)
    {
        // initdb works in a side folder moved into place once complete: a cancelled or failed run (which can leave
        // PG_VERSION behind) must never look like a cluster to the next start.
        await folder.PrepareStagingAsync(CommandTimeout, ct);
        // Only C, C.UTF-8 and POSIX are sure to exist, and plain C does not lower-case 'É'.
        List<string> arguments =
            ["-D", folder.StagingDirectory, "-U", PostgresBinaries.ServerUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"];
        if (Kind == LocalClusterKind.Throwaway)
        {
            arguments.Add("--no-sync");
        }

        var result = await RunServerProgramAsync("initdb", arguments, ct);
        if (result.ExitCode != 0)
        {
            throw folder.Failure("initdb", result, PostgresBinaries.NeedsServerUser
                ? $"The {PostgresBinaries.ServerUser} user must be able to enter every folder above {folder.ClusterDirectory}."
                : null);
        }

        folder.InstallStagedCluster();
        LogInitialised(logger, Kind, folder.ClusterDirectory);
    }

    // A persistent cluster may still be served by a process that exited without stopping it (a crash, a debugger
    // stop): use that server rather than fail on its lock. A dead server's lock files are cleared instead.
    private async Task<bool> TryAdoptRunningServerAsync(CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (folder.ReadPidFile() is { } pid)
        {
            if (!folder.IsServedBy(pid))
            {
                logger.LogWarning("Removing a stale postmaster.pid: process {ProcessId} is not this cluster's server", pid.ProcessId);
                folder.RemoveStaleLocks(pid);
                return false;
            }

            if (pid.IsReady)
            {
                // Its own settings win: it may have been started with another socket folder or port.
                socketDirectory = pid.SocketDirectory ?? socketDirectory;
                port = pid.Port;
                return true;
            }

            // Starting (crash recovery) or stopping; a stopped server removes its file, and then we start it.
            if (waited.Elapsed > ReadyTimeout)
            {
                var stuck = $"PostgreSQL process {pid.ProcessId} stayed '{pid.Status}' for {ReadyTimeout.TotalSeconds:0} s.";
                throw folder.Failure("Waiting for the running server", new CommandResult(-1, "", stuck, "(none)"));
            }

            await Task.Delay(100, ct);
        }

        return false;
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        folder.RotateLogIfLarge();
        // pg_ctl hands -o to /bin/sh, hence the quoting of the one value that comes from outside.
        List<string> options =
        [
            "-k", ShellQuote(folder.SocketDirectory), "-c", "listen_addresses=''", "-p", $"{ClusterFolder.DefaultPort}",
            "-c", "max_connections=200", "-c", $"shared_buffers={SharedBuffers}",
        ];
        if (Kind == LocalClusterKind.Throwaway)
        {
            // Durability is worthless for data deleted at the end of the run, and these make tests much faster.
            options.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        // -l matters beyond logging: without it the server inherits pg_ctl's pipes, and reading them never ends.
        var result = await RunServerProgramAsync("pg_ctl",
            ["-D", folder.ClusterDirectory, "-l", folder.LogFile, "-w", "-t", "60", "-o", string.Join(' ', options), "start"], ct);
        if (result.ExitCode != 0)
        {
            throw folder.Failure("pg_ctl start", result);
        }

        socketDirectory = folder.SocketDirectory;
        port = ClusterFolder.DefaultPort;
    }

    private async Task StopServerAsync()
    {
        var mode = Kind == LocalClusterKind.Throwaway ? "immediate" : "fast";
        // Not cancellable: a half-stopped server is worse than a slow exit.
        var result = await RunServerProgramAsync("pg_ctl",
            ["stop", "-D", folder.ClusterDirectory, "-m", mode, "-w", "-t", "60"], CancellationToken.None);
        if (result.ExitCode == 0 || folder.ReadPidFile() is null)
        {
            return;
        }

        if (Kind != LocalClusterKind.Throwaway)
        {
            throw folder.Failure("pg_ctl stop", result);
        }

        // The folder goes anyway: a server whose postmaster.pid disappears shuts itself down within a minute.
        logger.LogWarning("pg_ctl stop failed ({Error}); deleting the throwaway cluster anyway", result.StandardError);
    }

    private Task<CommandResult> RunServerProgramAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct) =>
        PostgresBinaries.RunAsync(
            Path.Combine(binDirectory ??= PostgresBinaries.Find(), program), arguments, asServerUser: true, CommandTimeout, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Initialised a {Kind} PostgreSQL cluster in {Directory}")]
    private static partial void LogInitialised(ILogger logger, LocalClusterKind kind, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Action} PostgreSQL in {Directory}, socket in {Socket} ({Elapsed} ms)")]
    private static partial void LogStarted(ILogger logger, string action, string directory, string socket, long elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped PostgreSQL in {Directory} ({Elapsed} ms)")]
    private static partial void LogStopped(ILogger logger, string directory, long elapsed);

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
