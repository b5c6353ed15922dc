using Newsroom.Infrastructure.Reading;
using Npgsql;

namespace Newsroom.Infrastructure.Startup;

/// <summary>
/// Empties the connection pools when an outage is noticed. Idle connections to a server that went away fail only
/// when next used, one request each: dropped at once, the first requests after the database's return get fresh ones.
/// </summary>
public sealed class DatabasePools(PublicReadsDataSource readers)
{
    public void ClearAfterOutage()
    {
        // EF Core's pool and the readiness check's are keyed by connection string in Npgsql's global pool manager;
        // the readers' data source keeps its own.
        NpgsqlConnection.ClearAllPools();
        readers.Clear();
    }
}
