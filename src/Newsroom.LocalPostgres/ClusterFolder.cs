using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Newsroom.LocalPostgres;

/// <summary>
/// Where a local cluster lives on disk and what the files there say: <c>&lt;data&gt;/pg</c> holds the cluster,
/// its log and normally its socket; <c>postmaster.pid</c> says whether a server is running from it.
/// </summary>
internal sealed class ClusterFolder
{
    public const int DefaultPort = 5432;
    // sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL.
    private const int MaxSocketPathBytes = 107;
    private const long MaxLogBytes = 10 * 1024 * 1024;
    private const int LogTailLines = 30;

    public ClusterFolder(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        ClusterDirectory = Path.Combine(dataDirectory, "pg");
        LogFile = Path.Combine(ClusterDirectory, "server.log");
        SocketDirectory = ChooseSocketDirectory(ClusterDirectory);
    }

    public string DataDirectory { get; }

    public string ClusterDirectory { get; }

    public string LogFile { get; }

    /// <summary>Where initdb builds the cluster before it is moved to <see cref="ClusterDirectory"/>.</summary>
    public string StagingDirectory => ClusterDirectory + ".init";

    /// <summary>Folder of the unix socket: the cluster's own, unless that path would be too long for a socket.</summary>
    public string SocketDirectory { get; }

    public bool IsInitialised => File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"));

    /// <summary>Creates the folders, owned by whoever will run the server, with the access it needs.</summary>
    public async Task PrepareAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "The local PostgreSQL cluster needs a Unix-like system; set ConnectionStrings__Newsroom instead.");
        }

        const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(DataDirectory, Traversable);
        if (PostgresBinaries.NeedsServerUser)
        {
            // postgres must pass through our root-owned folder (Directory.CreateTempSubdirectory makes it 0700).
            File.SetUnixFileMode(DataDirectory,
                File.GetUnixFileMode(DataDirectory) | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        if (SocketDirectory != ClusterDirectory)
        {
            await PostgresBinaries.CreateServerFolderAsync(SocketDirectory, timeout, ct);
        }
    }

    /// <summary>An empty <see cref="StagingDirectory"/> for initdb, once sure the cluster folder can be replaced.</summary>
    public async Task PrepareStagingAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (Directory.Exists(ClusterDirectory) && Directory.EnumerateFileSystemEntries(ClusterDirectory).Any())
        {
            throw new InvalidOperationException(
                $"{ClusterDirectory} holds files but no PostgreSQL cluster (no PG_VERSION); move it away or delete it.");
        }

        await DeleteTree(StagingDirectory); // what an interrupted initdb left
        await PostgresBinaries.CreateServerFolderAsync(StagingDirectory, timeout, ct);
    }

    public void InstallStagedCluster()
    {
        if (Directory.Exists(ClusterDirectory))
        {
            Directory.Delete(ClusterDirectory);
        }

        Directory.Move(StagingDirectory, ClusterDirectory);
    }

    /// <summary>What <c>postmaster.pid</c> says, or null when there is none (or it is still being written).</summary>
    public PostmasterPid? ReadPidFile()
    {
        string[] lines;
        try
        {
            lines = ReadShared(Path.Combine(ClusterDirectory, "postmaster.pid"), maxBytes: 4096).Split('\n');
        }
        // Boundary with the server's own file: one being written or removed right now reads as no server.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // Lines (PostgreSQL 10 and later): pid, data folder, start time, port, first socket folder, listen address,
        // shared memory key, status.
        if (!TryParse(lines[0], out var processId))
        {
            return null;
        }

        return new PostmasterPid(
            processId,
            lines.Length > 3 && TryParse(lines[3], out var port) ? port : DefaultPort,
            lines.Length > 4 && lines[4].Trim() is { Length: > 0 } socket ? socket : null,
            lines.Length > 7 ? lines[7].Trim() : null);
    }

    /// <summary>
    /// Whether the process named in <c>postmaster.pid</c> is really this cluster's server. The file outlives a
    /// killed server or a restarted container, and its number then often belongs to another process. The server's
    /// own check (<c>kill(pid, 0)</c>) takes any live process of the same user for a rival postmaster and refuses to
    /// start; with every test cluster running as postgres, another cluster's process reusing the number is likely.
    /// Worse, <c>pg_ctl stop</c> would signal that process and shut down the other cluster. Hence this stricter test.
    /// </summary>
    public bool IsServedBy(PostmasterPid pid)
    {
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                // The server makes its data folder its working directory; no other process has that one.
                var workingDirectory = new DirectoryInfo($"/proc/{pid.ProcessId}/cwd").LinkTarget;
                return workingDirectory is not null
                    && (workingDirectory == ClusterDirectory || workingDirectory == RealPath(ClusterDirectory));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false; // gone, or another user's process: not our server either way
            }
        }

        // No /proc (macOS): settle for a process of that number that is a PostgreSQL server.
        try
        {
            using var process = Process.GetProcessById(pid.ProcessId);
            return process.ProcessName.Contains("postgres", StringComparison.Ordinal);
        }
        // The process exited between reading its id and inspecting it: not a server of ours.
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Deletes the lock files of a dead server, which would otherwise refuse the next start (see <see cref="IsServedBy"/>).</summary>
    public void RemoveStaleLocks(PostmasterPid pid)
    {
        foreach (var file in new[] { Path.Combine(ClusterDirectory, "postmaster.pid"),
            Path.Combine(SocketDirectory, $".s.PGSQL.{pid.Port}.lock"), Path.Combine(SocketDirectory, $".s.PGSQL.{pid.Port}") })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>pg_ctl appends to the log forever, and a development cluster can run for months: keep one old log.</summary>
    public void RotateLogIfLarge()
    {
        if (File.Exists(LogFile) && new FileInfo(LogFile).Length > MaxLogBytes)
        {
            File.Move(LogFile, LogFile + ".1", overwrite: true);
        }
    }

    public string ReadLogTail(int lineCount)
    {
        try
        {
            var lines = ReadShared(LogFile, maxBytes: 64 * 1024).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', lines.TakeLast(lineCount));
        }
        // Only used to explain another failure: an unreadable log must not hide that failure.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(no server log)";
        }
    }

    /// <summary>The error for a failed step: the command, its stderr and the end of the server log, which says why.</summary>
    public InvalidOperationException Failure(string step, CommandResult result, string? hint = null)
    {
        var message = new StringBuilder()
            .AppendLine($"{step} failed for the local PostgreSQL cluster in {ClusterDirectory} (exit code {result.ExitCode}).")
            .AppendLine($"Command: {result.CommandLine}");
        if (hint is not null)
        {
            message.AppendLine(hint);
        }

        return new InvalidOperationException(message
            .AppendLine("stderr:").AppendLine(result.StandardError.Length > 0 ? result.StandardError : "(empty)")
            .AppendLine($"Last lines of {LogFile}:").Append(ReadLogTail(LogTailLines))
            .ToString());
    }

    /// <summary>Deletes everything: the data folder and a socket folder kept outside it.</summary>
    public async Task DeleteAsync()
    {
        await DeleteTree(DataDirectory);
        await DeleteTree(SocketDirectory);
    }

    private static async Task DeleteTree(string path)
    {
        // A server stopped with -m immediate may still be closing files for a moment.
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    // Under /tmp when the cluster is too deep, named after the cluster so that a later process (the successor of
    // a crashed one, say) lands on the same folder.
    private static string ChooseSocketDirectory(string clusterDirectory)
    {
        if (Encoding.UTF8.GetByteCount($"{clusterDirectory}/.s.PGSQL.{DefaultPort}") <= MaxSocketPathBytes)
        {
            return clusterDirectory;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clusterDirectory)))[..16];
        return $"/tmp/newsroom-pg-{hash}";
    }

    // The server keeps both files open and rewrites them; read without locking and only the end of a long log.
    private static string ReadShared(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Max(0, stream.Length - maxBytes), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool TryParse(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // /proc reports resolved paths; a data folder reached through a symbolic link must still be recognised.
    private static string RealPath(string path)
    {
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in path[current.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new DirectoryInfo(current).ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = target.FullName;
            }
        }

        return current;
    }
}

/// <summary>The running server as <c>postmaster.pid</c> describes it.</summary>
internal sealed record PostmasterPid(int ProcessId, int Port, string? SocketDirectory, string? Status)
{
    public bool IsReady => Status == "ready";
}
