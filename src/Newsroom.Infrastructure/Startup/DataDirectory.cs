namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// Where the API keeps what it generates for itself on this machine: the embedded cluster, the demo admin's
/// credentials. What instances must share (Development's signing key, the Data Protection key ring) is in the database.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string? configured, string contentRoot)
    {
        Path = System.IO.Path.GetFullPath(configured ?? DefaultFor(contentRoot));
    }

    public string Path { get; }

    public string File(string name)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, name);
    }

    /// <summary>
    /// <c>.data</c> beside Api.sln when running from a clone (git-ignored, and traversable by the postgres user even
    /// when the API runs as root, unlike root's home), else the user's local data folder.
    /// </summary>
    private static string DefaultFor(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Api.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, ".data");
            }
        }

        return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "newsroom");
    }

    /// <summary>Writes a file only its owner can read.</summary>
    public string WritePrivate(string name, string content)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, content);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    }
}
