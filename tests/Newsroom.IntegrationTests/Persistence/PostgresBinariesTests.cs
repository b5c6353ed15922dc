using Newsroom.LocalPostgres;

namespace Newsroom.IntegrationTests.Persistence;

/// <summary>Where the embedded cluster's programs are looked for, checked on made-up folders rather than the machine's own.</summary>
public sealed class PostgresBinariesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsroom-binaries-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void With_no_server_programs_anywhere_the_message_says_how_to_install_PostgreSQL_or_use_an_existing_database()
    {
        var emptyPathFolder = Folder("bin");

        var error = Assert.Throws<PostgresBinariesNotFoundException>(
            () => PostgresBinaries.Find(emptyPathFolder, Path.Combine(_root.FullName, "no-such-postgresql-root")));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Newsroom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_initdb_but_no_pg_ctl_does_not_count()
    {
        var half = Folder("half", "initdb");

        Assert.Throws<PostgresBinariesNotFoundException>(() => PostgresBinaries.Find(half, Folder("versions")));
    }

    [Fact]
    public void On_PATH_the_first_folder_with_both_programs_wins()
    {
        var empty = Folder("empty");
        var first = Folder("first", "initdb", "pg_ctl");
        var second = Folder("second", "initdb", "pg_ctl");

        Assert.Equal(first, PostgresBinaries.Find(string.Join(Path.PathSeparator, empty, first, second), Folder("versions")));
    }

    [Fact]
    public void Without_PATH_the_highest_complete_Debian_version_folder_wins()
    {
        Folder("versions/9.6/bin", "initdb", "pg_ctl");
        var fifteen = Folder("versions/15/bin", "initdb", "pg_ctl");
        Folder("versions/16/bin", "initdb");
        Folder("versions/not-a-version/bin", "initdb", "pg_ctl");

        Assert.Equal(fifteen, PostgresBinaries.Find(Folder("bin"), Path.Combine(_root.FullName, "versions")));
    }

    private string Folder(string relativePath, params string[] programs)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, relativePath)).FullName;
        foreach (var program in programs)
        {
            File.WriteAllText(Path.Combine(folder, program), "");
        }

        return folder;
    }
}
