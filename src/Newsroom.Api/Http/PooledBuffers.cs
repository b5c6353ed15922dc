using System.Buffers;
using System.Security.Cryptography;
using Microsoft.IO;

namespace Newsroom.Api.Http;

/// <summary>
/// Pooled buffers for whole response bodies: the public validators' copy of every public answer, feeds and sitemaps.
/// An RSS feed is about 300 kB; written through plain MemoryStreams, each one left about 1 MB of large-object-heap
/// garbage, and that churn is what pushed the API's resident memory up under load (issue 13). Blocks of 16 kB stay
/// out of the large object heap and are reused, and what the pool keeps idle is bounded.
/// </summary>
internal static class PooledBuffers
{
    private static readonly RecyclableMemoryStreamManager Manager = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 16 * 1024,
        LargeBufferMultiple = 1024 * 1024,
        MaximumBufferSize = 16 * 1024 * 1024,
        MaximumSmallPoolFreeBytes = 8 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 8 * 1024 * 1024,
    });

    /// <summary>An empty stream whose blocks go back to the pool when it is disposed.</summary>
    public static RecyclableMemoryStream Rent(string purpose) => Manager.GetStream(purpose);

    /// <summary>
    /// A strong ETag for exactly these bytes: the first 16 bytes of their SHA-256, in hex, read block by block so that
    /// the body is never copied into one contiguous array.
    /// </summary>
    public static string StrongETagOf(ReadOnlySequence<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in body)
        {
            hash.AppendData(segment.Span);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return $"\"{Convert.ToHexStringLower(digest[..16])}\"";
    }
}
