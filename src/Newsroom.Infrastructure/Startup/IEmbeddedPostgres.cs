namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// The private PostgreSQL server the API runs when no connection string is configured (the development and demo
/// default). <see cref="DatabaseStartup"/> starts and stops it; the host provides it (the API wires it to
/// Newsroom.LocalPostgres, tooling kept out of this assembly), and a host that provides none needs a connection string.
/// </summary>
public interface IEmbeddedPostgres
{
    /// <summary>
    /// Starts the server on the data kept in <paramref name="directory"/> (made on the first run) and returns the
    /// connection string of <paramref name="database"/>.
    /// </summary>
    Task<string> StartAsync(string directory, string database, CancellationToken cancellationToken);

    /// <summary>Stops the server if it runs; its data stays.</summary>
    Task StopAsync();
}
