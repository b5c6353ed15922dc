using System.ComponentModel.DataAnnotations;

namespace Newsroom.Infrastructure.Startup;

/// <summary>How long start-up waits for a database that is not up yet (configuration section <c>Newsroom:Database</c>).</summary>
public sealed class DatabaseStartupOptions
{
    public const string SectionName = "Newsroom:Database";

    /// <summary>The setting as an environment variable, as start-up refusals name it.</summary>
    public const string WaitSetting = "Newsroom__Database__StartupWaitSeconds";

    /// <summary>
    /// How long start-up keeps trying a database that refuses connections or is still starting (an orchestrator
    /// may start both at once); 0 fails at the first refusal.
    /// </summary>
    [Range(0, 3600)]
    public int StartupWaitSeconds { get; set; } = 60;
}

/// <summary>The waits of start-up between tries to reach the database: the outage back-off, within the configured bound.</summary>
public static class DatabaseStartupWait
{
    /// <summary>
    /// The wait after the <paramref name="failures"/>-th failed try (from 1), <paramref name="waited"/> since the
    /// first one: <see cref="DatabaseOutage.BackoffAfter"/>, shortened to what is left of <paramref name="bound"/>
    /// so that the last try falls on the bound; null once the bound is reached, when start-up gives up.
    /// </summary>
    public static TimeSpan? NextWait(int failures, TimeSpan waited, TimeSpan bound)
    {
        var left = bound - waited;
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        var backoff = DatabaseOutage.BackoffAfter(failures);
        return backoff < left ? backoff : left;
    }
}

/// <summary>The database did not accept a connection within <see cref="DatabaseStartupOptions.StartupWaitSeconds"/>: the API does not start.</summary>
public sealed class DatabaseUnreachableException : Exception
{
    public DatabaseUnreachableException()
    {
    }

    public DatabaseUnreachableException(string message)
        : base(message)
    {
    }

    public DatabaseUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
