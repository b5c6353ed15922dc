using Newsroom.IntegrationTests.EdgeCache;

namespace Newsroom.IntegrationTests.Topology;

/// <summary>
/// The whole scale-out topology of issue #14 in real processes: a primary (<see cref="StoppableCluster"/>) with a
/// streaming standby made by <c>pg_basebackup -R</c> (<see cref="StreamingStandby"/>, no apply delay), two API
/// processes on real ports sharing the primary, their readers on the standby, each purging the one Varnish
/// (<see cref="VarnishServer"/>) that serves both in turn. A class fixture: everything starts once per class.
/// </summary>
public sealed class ScaleOutTopology : IAsyncLifetime
{
    private StoppableCluster? _primary;
    private StreamingStandby? _standby;

    public VarnishServer Varnish { get; } = new();

    public EdgeApiProcess A { get; private set; } = null!;

    public EdgeApiProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            _primary = await StoppableCluster.StartAsync();
            await PrimaryWithStandby.MigrateAsync(_primary.ConnectionString);
            _standby = await StreamingStandby.StartAsync(_primary.ConnectionString, TimeSpan.Zero);
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__NewsroomReadOnly"] = _standby.ConnectionString,
                // Quick enough for a scheduled article to go live, and for the other instance to send a purge, well
                // within the tests' deadlines.
                ["Newsroom__Publishing__PollSeconds"] = "0.2",
                ["Newsroom__Outbox__PollSeconds"] = "0.2",
            };
            A = new EdgeApiProcess([Varnish.BaseAddress], _primary.ConnectionString, settings);
            B = new EdgeApiProcess([Varnish.BaseAddress], _primary.ConnectionString, settings);
            // Together, as after a deployment: whatever they must agree on (the first admin) has to survive the race.
            await Task.WhenAll(A.InitializeAsync(), B.InitializeAsync());
            await Varnish.StartAsync(A.BaseAddress, B.BaseAddress);
        }
        catch
        {
            // xunit does not dispose a fixture whose initialisation failed: processes and clusters would be left running.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Varnish.DisposeAsync();
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (_standby is not null)
        {
            await _standby.DisposeAsync();
        }

        if (_primary is not null)
        {
            await _primary.DisposeAsync();
        }
    }

    /// <summary>Waits until Varnish has received the purges of every change so far (see <see cref="EditorialDesk.SettledAsync"/>).</summary>
    public Task<IReadOnlyList<string>> SettledAsync() => EditorialDesk.SettledAsync(A, Varnish);
}
