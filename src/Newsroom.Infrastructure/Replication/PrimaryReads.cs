namespace Newsroom.Infrastructure.Replication;

/// <summary>
/// Where the readers' queries of the current request (its async flow) may go: the Api begins one per request
/// (<see cref="Begin"/>), requiring the primary for a request that carries credentials, so that an editor reads their
/// own writes at once. The readers' pool notes when it gave the request a standby connection, so that a request
/// failed by a standby that went away meanwhile can be run again on the primary.
/// </summary>
public sealed class PrimaryReads
{
    private static readonly AsyncLocal<PrimaryReads?> Current = new();

    private PrimaryReads(bool required) => AreRequiredHere = required;

    /// <summary>True when the current request's readers' queries must go to the primary.</summary>
    public static bool AreRequired => Current.Value?.AreRequiredHere == true;

    public bool AreRequiredHere { get; private set; }

    /// <summary>True once this request was given a connection to the standby.</summary>
    public bool UsedStandby { get; private set; }

    /// <summary>For the rest of the calling async flow (a request's handling, when called before it runs).</summary>
    public static PrimaryReads Begin(bool required) => Current.Value = new PrimaryReads(required);

    /// <summary>From now on, this request's readers' queries go to the primary.</summary>
    public void Require() => AreRequiredHere = true;

    internal static void NoteStandbyUsed()
    {
        if (Current.Value is { } reads)
        {
            reads.UsedStandby = true;
        }
    }
}
