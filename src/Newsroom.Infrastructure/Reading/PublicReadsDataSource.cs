using Microsoft.Extensions.Options;
using Newsroom.Infrastructure.Startup;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// The connection pool of readers' hot queries (lists, the article page, search), apart from the one EF Core uses
/// for editing, background work and the other reads: a burst of readers can't take the connections an editor or
/// the scheduled publisher needs, and the readers' pool can be sized to what the database server can run at once
/// (<see cref="NewsroomDatabase.ReadersConnectionString"/>, <see cref="NewsroomOptions.ReadersPoolSize"/>). Each query takes a connection only for its own round
/// trips and gives it back before its response is serialised and sent.
/// Built on first use: the embedded cluster's connection string is known only once it has started.
/// </summary>
public sealed class PublicReadsDataSource(NewsroomDatabase database, IOptions<NewsroomOptions> options) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private NpgsqlDataSource? _source;

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        (_source ?? Create()).OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_source is { } source)
        {
            await source.DisposeAsync();
        }
    }

    /// <summary>A failure (no connection string yet) is not kept: the next query tries again.</summary>
    private NpgsqlDataSource Create()
    {
        lock (_gate)
        {
            return _source ??= NpgsqlDataSource.Create(database.ReadersConnectionString(options.Value.ReadersPoolSize));
        }
    }
}
