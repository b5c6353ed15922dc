using Newsroom.Infrastructure.Startup;
using Newsroom.LocalPostgres;

namespace Newsroom.Api.Hosting;

/// <summary>
/// The API's embedded default, used only when no connection string is configured: a <see cref="LocalPostgresCluster"/>
/// of the Persistent kind, whose data survives restarts.
/// </summary>
internal sealed class EmbeddedLocalPostgres(ILogger<LocalPostgresCluster> logger) : IEmbeddedPostgres
{
    private LocalPostgresCluster? _cluster;

    public async Task<string> StartAsync(string directory, string database, CancellationToken cancellationToken)
    {
        _cluster = new LocalPostgresCluster(directory, LocalClusterKind.Persistent, logger);
        await _cluster.StartAsync(cancellationToken);
        return _cluster.GetConnectionString(database);
    }

    public Task StopAsync() => _cluster?.StopAsync() ?? Task.CompletedTask;
}
