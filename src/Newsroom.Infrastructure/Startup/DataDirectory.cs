namespace Newsroom.Infrastructure.Startup;

/// <summary>Where the API keeps what it generates for itself: the embedded cluster, a development signing key, the demo admin's credentials.</summary>
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

    /// <summary>Reads a generated secret, or makes and keeps one (owner-only permissions) on first use.</summary>
    public string ReadOrCreateSecret(string name, Func<string> generate)
    {
        var file = File(name);
        if (System.IO.File.Exists(file))
        {
            return System.IO.File.ReadAllText(file).Trim();
        }

        var secret = generate();
        WritePrivate(name, secret);
        return secret;
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
