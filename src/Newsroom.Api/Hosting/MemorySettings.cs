using System.Runtime;

namespace Newsroom.Api.Hosting;

/// <summary>
/// Says at start-up how the garbage collector runs and what caps the managed heap: the API ships with
/// <c>System.GC.HeapHardLimit</c> (Newsroom.Api.csproj), which <c>DOTNET_GCHeapHardLimit</c> overrides, and a server
/// cache that does not fit well inside it would end in out-of-memory errors rather than evictions.
/// </summary>
internal static partial class MemorySettings
{
    public static void Announce(ILogger logger)
    {
        var limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        LogMemory(logger, GCSettings.IsServerGC ? "server" : "workstation", limit / (1024 * 1024));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Garbage collector: {Mode}; managed heap limited to {LimitMiB} MiB (DOTNET_GCHeapHardLimit)")]
    private static partial void LogMemory(ILogger logger, string mode, long limitMiB);
}
