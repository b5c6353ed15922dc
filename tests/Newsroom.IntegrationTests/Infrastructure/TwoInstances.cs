namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// Two API instances, <see cref="A"/> and <see cref="B"/>, each a host of its own with its own server cache, on one
/// database: a copy of the suite's template, or the one <see cref="Settings"/> names (<c>ConnectionStrings:Newsroom</c>).
/// A starts first (it migrates and creates the bootstrap admin), then B. A class fixture.
/// </summary>
public class TwoInstances : IAsyncLifetime
{
    public SameDatabaseApiFactory A { get; private set; } = null!;

    public SameDatabaseApiFactory B { get; private set; } = null!;

    /// <summary>Settings both instances get, over the tests' defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        var settings = Settings;
        var connectionString = settings.TryGetValue("ConnectionStrings:Newsroom", out var configured) && configured is not null
            ? configured
            : await TestCluster.CreateDatabaseAsync();
        A = new SameDatabaseApiFactory(connectionString, settings);
        await A.InitializeAsync();
        _ = A.Server;
        B = new SameDatabaseApiFactory(connectionString, settings);
        await B.InitializeAsync();
        _ = B.Server;
    }

    public virtual async Task DisposeAsync()
    {
        await ((IAsyncLifetime)B).DisposeAsync();
        await ((IAsyncLifetime)A).DisposeAsync();
    }
}
