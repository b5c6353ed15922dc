using System.Diagnostics;

namespace Newsroom.IntegrationTests.Infrastructure;

/// <summary>Waits for what another process or instance does, with a generous deadline rather than a fixed delay.</summary>
public static class Polling
{
    /// <summary>How long <paramref name="condition"/> took to hold, polled every 20 ms; fails with <paramref name="failure"/> after <paramref name="deadline"/>.</summary>
    public static async Task<TimeSpan> UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < deadline, $"{failure} (after {clock.Elapsed.TotalSeconds:0.0} s)");
            await Task.Delay(20);
        }

        return clock.Elapsed;
    }
}
