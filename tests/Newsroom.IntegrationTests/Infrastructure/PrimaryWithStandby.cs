using Microsoft.EntityFrameworkCore;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// Two API instances (<see cref="TwoInstances"/>) on a primary of their own (<see cref="StoppableCluster"/>), whose
/// readers use a <see cref="StreamingStandby"/> that replays each commit <see cref="ApplyDelay"/> late
/// (<c>ConnectionStrings:NewsroomReadOnly</c>). A class fixture: one primary, standby and pair of instances per class.
/// </summary>
public class PrimaryWithStandby : TwoInstances
{
    private StoppableCluster? _primary;
    private StreamingStandby? _standby;

    /// <summary>How late the standby replays each commit (<c>recovery_min_apply_delay</c>).</summary>
    public virtual TimeSpan ApplyDelay => TimeSpan.FromSeconds(2);

    public StoppableCluster Primary => _primary ?? throw new InvalidOperationException("Not started.");

    public StreamingStandby Standby => _standby ?? throw new InvalidOperationException("Not started.");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:NewsroomReadOnly"] = Standby.ConnectionString,
        // The periodic repair of the search vocabulary counts as a change (readers go to the primary until the standby
        // replays it): at a random instant, it would move a test's reads off the standby it is looking at.
        ["Newsroom:Search:VocabularyRefreshSeconds"] = "86400",
    };

    public override async Task InitializeAsync()
    {
        try
        {
            await base.InitializeAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: the clusters would be left running.
            await DisposeClustersAsync();
            throw;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await DisposeClustersAsync();
    }

    protected override async Task<string> CreateDatabaseAsync()
    {
        _primary = await StoppableCluster.StartAsync();
        await MigrateAsync(_primary.ConnectionString);
        _standby = await StreamingStandby.StartAsync(_primary.ConnectionString, ApplyDelay);
        return _primary.ConnectionString;
    }

    /// <summary>
    /// Migrates a fresh primary before instances start together, as the suite's template is: two start-ups would race
    /// to create the schema.
    /// </summary>
    public static async Task MigrateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<NewsroomDbContext>()
            .UseNpgsql(connectionString + ";Pooling=false", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = new NewsroomDbContext(options);
        await db.Database.MigrateAsync();
    }

    private async Task DisposeClustersAsync()
    {
        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }

        if (_primary is not null)
        {
            await _primary.DisposeAsync();
        }
    }
}
