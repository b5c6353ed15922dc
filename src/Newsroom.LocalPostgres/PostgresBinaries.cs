using System.Diagnostics;
using System.Globalization;

namespace Newsroom.LocalPostgres;

/// <summary>
/// Finds the PostgreSQL server programs on this machine and runs them as a user PostgreSQL accepts.
/// </summary>
public static class PostgresBinaries
{
    /// <summary>The account the server programs run as when this process is root (initdb refuses root).</summary>
    internal const string ServerUser = "postgres";

    // Debian and Ubuntu install each major version side by side here and put none of them on PATH.
    private const string DebianVersionedRoot = "/usr/lib/postgresql";

    private static readonly TimeSpan PgConfigTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The folder holding <c>initdb</c> and <c>pg_ctl</c>: from <c>pg_config --bindir</c>, then PATH,
    /// then the highest version under <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">None of those places has both programs.</exception>
    public static string Find() => Find(Environment.GetEnvironmentVariable("PATH"), DebianVersionedRoot);

    // The parameters exist so the "nothing installed" path can be checked without uninstalling PostgreSQL.
    internal static string Find(string? searchPath, string versionedRoot)
    {
        var pathDirectories = (searchPath ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // pg_config describes the installation the developer chose (it can be a newer one than PATH's first hit).
        var pgConfig = pathDirectories.Select(d => Path.Combine(d, "pg_config")).FirstOrDefault(File.Exists);
        if (pgConfig is not null && AskBinDirectory(pgConfig) is { } configured && HasServerPrograms(configured))
        {
            return configured;
        }

        foreach (var directory in pathDirectories)
        {
            if (HasServerPrograms(directory))
            {
                return directory;
            }
        }

        if (Directory.Exists(versionedRoot))
        {
            var highest = Directory.EnumerateDirectories(versionedRoot)
                .Select(d => (Directory: Path.Combine(d, "bin"), Version: ParseVersion(Path.GetFileName(d))))
                .Where(c => c.Version is not null && HasServerPrograms(c.Directory))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Directory)
                .FirstOrDefault();
            if (highest is not null)
            {
                return highest;
            }
        }

        throw new PostgresBinariesNotFoundException();
    }

    /// <summary>
    /// Runs a program and collects its output without ever blocking on it: both pipes are drained
    /// concurrently, the wait is bounded, and a hung program is killed with its children.
    /// With <paramref name="asServerUser"/> and a root process, the program runs through
    /// <c>runuser -u postgres --</c>, because initdb and the server refuse to run as root.
    /// </summary>
    internal static async Task<CommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, bool asServerUser, TimeSpan timeout, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // runuser keeps the working directory, and postgres warns (or fails) when it cannot enter root's.
            WorkingDirectory = "/",
        };
        if (asServerUser && NeedsServerUser)
        {
            startInfo.FileName = FindRunuser();
            foreach (var a in new[] { "-u", ServerUser, "--", program })
            {
                startInfo.ArgumentList.Add(a);
            }
        }
        else
        {
            startInfo.FileName = program;
        }

        foreach (var a in arguments)
        {
            startInfo.ArgumentList.Add(a);
        }

        var commandLine = string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start `{commandLine}`.");
        // Nothing we run reads stdin; closing it means nothing can sit waiting for a terminal.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }

            ct.ThrowIfCancellationRequested();
            return new CommandResult(-1, "", $"Timed out after {timeout.TotalSeconds:0} s. " + await Drain(stderr), commandLine);
        }

        return new CommandResult(process.ExitCode, await Drain(stdout), await Drain(stderr), commandLine);
    }

    /// <summary>
    /// Creates a 0700 folder owned by the account the server programs run as: initdb and the server insist on it.
    /// As root that means creating it as root and handing it over, since postgres cannot write in a root-owned parent.
    /// </summary>
    internal static async Task CreateServerFolderAsync(string path, TimeSpan timeout, CancellationToken ct)
    {
        if (Directory.Exists(path) || OperatingSystem.IsWindows())
        {
            return;
        }

        if (!NeedsServerUser)
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }

        var result = await RunAsync("install", ["-d", "-o", ServerUser, "-m", "0700", path], asServerUser: false, timeout, ct);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not create {path} for the {ServerUser} user (`{result.CommandLine}`): {result.StandardError}");
        }
    }

    /// <summary>True when the server programs must be run as <see cref="ServerUser"/> rather than as this process.</summary>
    internal static bool NeedsServerUser => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    // A grandchild that inherited a pipe (the server, if pg_ctl ever ran without -l) would keep it open
    // forever; after the program itself has exited, give the pipe a moment and then stop caring.
    private static async Task<string> Drain(Task<string> reading)
    {
        var finished = await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(2)));
        return finished == reading ? (await reading).Trim() : "(output not closed; not read)";
    }

    private static string? AskBinDirectory(string pgConfig)
    {
        try
        {
            var result = RunAsync(pgConfig, ["--bindir"], asServerUser: false, PgConfigTimeout, CancellationToken.None)
                .GetAwaiter().GetResult();
            return result.ExitCode == 0 && result.StandardOutput.Length > 0 ? result.StandardOutput : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not executable for us: fall through to the other places.
            return null;
        }
    }

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    // Folder names are "15", "16" or, for old releases, "9.6"; anything else is not a version folder.
    private static Version? ParseVersion(string? name) =>
        name is null ? null
        : Version.TryParse(name, out var v) ? v
        : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0)
        : null;

    // Non-login root shells (cron, some CI runners) often have no /usr/sbin on PATH.
    private static string FindRunuser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists)
        ?? "runuser";
}

/// <summary>What a finished program printed; <see cref="CommandLine"/> is kept for error messages.</summary>
internal readonly record struct CommandResult(int ExitCode, string StandardOutput, string StandardError, string CommandLine);

/// <summary>
/// No PostgreSQL server programs could be found, so no local cluster can be provisioned.
/// The message is meant to be read by a person setting the API up: it says both ways out.
/// </summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    private const string DefaultMessage =
        "No PostgreSQL server binaries (initdb/pg_ctl) found in pg_config --bindir, PATH or /usr/lib/postgresql/*/bin. " +
        "Install the server package (Debian/Ubuntu: `apt-get install postgresql`; other systems: the PostgreSQL server package) " +
        "or set ConnectionStrings__Newsroom to use an existing database.";

    public PostgresBinariesNotFoundException()
        : base(DefaultMessage)
    {
    }

    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
