using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// Another API instance (a host of its own, in process) on a database given to it, with optional extra settings:
/// two of them on one connection string are two instances behind a load balancer. Each signs its own tokens, and
/// keeps what it logs in <see cref="Logs"/>.
/// </summary>
public class SameDatabaseApiFactory(string connectionString, IDictionary<string, string?>? settings = null) : NewsroomApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override IDictionary<string, string?> Settings => settings ?? new Dictionary<string, string?>();

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}
