namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// The connection string, known either from configuration or once the embedded cluster has started. Resolved
/// lazily so that building the host (e.g. to generate the OpenAPI document) never touches a database.
/// </summary>
public sealed class NewsroomDatabase(string? configuredConnectionString)
{
    private string? _connectionString = configuredConnectionString;

    /// <summary>True when no connection string was configured and the API provisions its own cluster.</summary>
    public bool IsEmbedded { get; } = string.IsNullOrWhiteSpace(configuredConnectionString);

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The embedded PostgreSQL cluster has not been started yet.");

    /// <summary>True once the database is migrated and seeded; background work waits for it.</summary>
    public bool IsReady { get; private set; }

    internal void UseEmbedded(string connectionString) => _connectionString = connectionString;

    internal void MarkReady() => IsReady = true;
}
