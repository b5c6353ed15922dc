using Npgsql;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// The connection string, known either from configuration or once the embedded cluster has started. Resolved
/// lazily so that building the host (e.g. to generate the OpenAPI document) never touches a database.
/// <paramref name="configuredStandbyConnectionString"/> (<c>ConnectionStrings:NewsroomReadOnly</c>, optional) is a
/// streaming standby of that database, which the readers' hot queries may use (see <c>PublicReadsDataSource</c>).
/// </summary>
public sealed class NewsroomDatabase(string? configuredConnectionString, string? configuredStandbyConnectionString = null)
{
    private string? _connectionString = configuredConnectionString is null ? null : WithDefaults(configuredConnectionString);

    /// <summary>True when no connection string was configured and the API provisions its own cluster.</summary>
    public bool IsEmbedded { get; } = string.IsNullOrWhiteSpace(configuredConnectionString);

    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The embedded PostgreSQL cluster has not been started yet.");

    /// <summary>True when a standby for the readers is configured.</summary>
    public bool HasStandby { get; } = !string.IsNullOrWhiteSpace(configuredStandbyConnectionString);

    /// <summary>True once the database is migrated and seeded; background work waits for it.</summary>
    public bool IsReady { get; private set; }

    internal void UseEmbedded(string connectionString) => _connectionString = WithDefaults(connectionString);

    internal void MarkReady() => IsReady = true;

    /// <summary>
    /// The API's defaults for what the connection string leaves out. Readers' queries are few and repeated: prepared
    /// once per connection they skip parsing and planning (Npgsql keeps them across pooled reuse). The application
    /// never changes session state, so a connection going back to the pool needs no <c>DISCARD ALL</c> round trip.
    /// JIT compilation is off: it costs 20–50 ms on the first run of any query the planner thinks is expensive (the
    /// archives, search) and only pays off for analytic scans of millions of rows, which the API never runs.
    /// The pool holds at most four connections per core (at least 8): beyond what the server's cores can run at
    /// once, more connections only make queries take turns on the CPU inside PostgreSQL, where the slowest wait
    /// longest (measured: 32 concurrent readers on 2 cores, p99 97–154 ms with 50 connections, 45–62 ms with 6–10,
    /// same throughput); queued in the pool, requests are served in order. The API's cores stand for the
    /// server's: set Maximum Pool Size for a database server of another size. Readers' hot queries have a pool
    /// of their own, smaller still (<see cref="ReadersConnectionString"/>).
    /// A value written in the configured connection string always wins.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Mentions(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Mentions(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = $"{builder.Options} -c jit=off".Trim();
        }

        return builder.ConnectionString;
    }

    internal static int DefaultMaxPoolSize => Math.Max(8, 4 * Environment.ProcessorCount);

    /// <summary>Two connections per core, at least 4: what the readers' queries need to keep the server's cores busy.</summary>
    internal static int DefaultReadersPoolSize => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// The readers' pool (see <c>PublicReadsDataSource</c>): the same database and settings, a pool of its own of
    /// <paramref name="poolSize"/> connections (default <see cref="DefaultReadersPoolSize"/>), named
    /// "&lt;Application Name&gt; readers" in <c>pg_stat_activity</c>.
    /// </summary>
    public string ReadersConnectionString(int? poolSize) => ReadersPool(ConnectionString, poolSize);

    /// <summary>
    /// The readers' pool on the standby: the API's defaults (<see cref="WithDefaults"/>), the readers' pool size and
    /// name, and a connect timeout of <see cref="StandbyConnectTimeoutSeconds"/> s unless the connection string sets
    /// one: an unreachable standby must not hold a reader for Npgsql's default 15 s before it falls back to the primary.
    /// </summary>
    public string StandbyReadersConnectionString(int? poolSize)
    {
        if (!HasStandby)
        {
            throw new InvalidOperationException("No standby is configured (ConnectionStrings:NewsroomReadOnly).");
        }

        var builder = new NpgsqlConnectionStringBuilder(ReadersPool(WithDefaults(configuredStandbyConnectionString!), poolSize));
        if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configuredStandbyConnectionString }.ContainsKey("Timeout"))
        {
            builder.Timeout = StandbyConnectTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    internal const int StandbyConnectTimeoutSeconds = 2;

    private static string ReadersPool(string connectionString, int? poolSize)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = poolSize ?? DefaultReadersPoolSize;
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        builder.ApplicationName = $"{builder.ApplicationName ?? "Newsroom"} readers";
        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        keys.Any(key => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase));
}
