namespace Newsroom.Infrastructure.Replication;

/// <summary>
/// Asks that the readers' queries of the current request (its async flow) go to the primary, never to the standby:
/// the Api asks it for every request that carries credentials, so an editor reads their own writes at once.
/// </summary>
public static class PrimaryReads
{
    private static readonly AsyncLocal<bool> Required = new();

    public static bool AreRequired => Required.Value;

    /// <summary>For the rest of the calling async flow (the request's handling, when called before it runs).</summary>
    public static void Require() => Required.Value = true;
}
