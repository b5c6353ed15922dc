using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// Two API instances on one database, as behind a load balancer: each has its own memory (caches, rate limits, key
/// rings held in memory), its own data folder and its own clock; they share only the database and configuration.
/// Both start at once, like instances after a deployment, so whatever they must agree on (the first admin, a
/// generated key) has to survive the race. Use it as a class fixture; a class changes <see cref="Settings"/>,
/// <see cref="EnvironmentName"/>, <see cref="SigningKey"/> or the database (<see cref="CreateDatabaseAsync"/>) in a subclass.
/// </summary>
public class TwoInstances : IAsyncLifetime
{
    public ApiInstance A { get; private set; } = null!;

    public ApiInstance B { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Settings both instances get, over <see cref="NewsroomApiFactory"/>'s defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>The signing key both are configured with, as in production; null for none (Development then generates one).</summary>
    protected virtual string? SigningKey { get; } = "two-instances-signing-key-" + Guid.NewGuid().ToString("N");

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>(Settings) { ["Newsroom:Jwt:SigningKey"] = SigningKey };
        A = new ApiInstance(ConnectionString, EnvironmentName, settings);
        B = new ApiInstance(ConnectionString, EnvironmentName, settings);
        await Task.WhenAll(StartAsync(A), StartAsync(B));
    }

    public virtual async Task DisposeAsync()
    {
        await ((IAsyncLifetime)A).DisposeAsync();
        await ((IAsyncLifetime)B).DisposeAsync();
    }

    /// <summary>The database both use: a copy of the suite's template unless a subclass brings its own.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestCluster.CreateDatabaseAsync();

    /// <summary>One value read straight from the shared database (counts of rows, mostly).</summary>
    public async Task<T> QueryAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task StartAsync(ApiInstance instance)
    {
        await instance.InitializeAsync();
        // The server is built and started on first use; on a thread of its own so both start together.
        await Task.Run(() => instance.Server);
    }
}

/// <summary>One of <see cref="TwoInstances"/>: the shared database, everything else its own; what it logs is kept in <see cref="Logs"/>.</summary>
public sealed class ApiInstance(string connectionString, string environmentName, IDictionary<string, string?> settings) : NewsroomApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => settings;

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    protected override string EnvironmentName => environmentName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
}
