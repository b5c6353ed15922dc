namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>
/// Two API instances (<see cref="TwoInstances"/>) on a primary of their own (<see cref="StoppableCluster"/>), whose
/// readers use a <see cref="StreamingStandby"/> that replays each commit <see cref="ApplyDelay"/> late
/// (<c>ConnectionStrings:NewsroomReadOnly</c>). A class fixture: one primary, standby and pair of instances per class.
/// </summary>
public class PrimaryWithStandby : TwoInstances
{
    private StoppableCluster? _primary;

    /// <summary>How late the standby replays each commit (<c>recovery_min_apply_delay</c>).</summary>
    public virtual TimeSpan ApplyDelay => TimeSpan.FromSeconds(2);

    public StoppableCluster Primary => _primary ?? throw new InvalidOperationException("Not started.");

    public StreamingStandby Standby { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Newsroom"] = Primary.ConnectionString,
        ["ConnectionStrings:NewsroomReadOnly"] = Standby.ConnectionString,
        // The periodic repair of the search vocabulary counts as a change (readers go to the primary until the standby
        // replays it): at a random instant, it would move a test's reads off the standby it is looking at.
        ["Newsroom:Search:VocabularyRefreshSeconds"] = "86400",
    };

    public override async Task InitializeAsync()
    {
        _primary = await StoppableCluster.StartAsync();
        try
        {
            Standby = await StreamingStandby.StartAsync(_primary.ConnectionString, ApplyDelay);
            await base.InitializeAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: the clusters would be left running.
            if (Standby is not null)
            {
                await Standby.DisposeAsync();
            }

            await _primary.DisposeAsync();
            throw;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Standby.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
