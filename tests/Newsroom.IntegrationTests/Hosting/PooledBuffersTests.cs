using System.Security.Cryptography;
using Newsroom.Api.Http;

namespace Newsroom.IntegrationTests.Hosting;

/// <summary>The pooled body buffers behind the public validators, feeds and sitemaps (no server needed).</summary>
public sealed class PooledBuffersTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16 * 1024)]
    [InlineData((16 * 1024 * 20) + 7)]
    public void The_ETag_of_a_body_spread_over_many_blocks_is_the_SHA_256_of_all_its_bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        using var buffer = PooledBuffers.Rent("test");
        foreach (var chunk in bytes.Chunk(5000))
        {
            buffer.Write(chunk);
        }

        var expected = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";
        Assert.Equal(expected, PooledBuffers.StrongETagOf(buffer.GetReadOnlySequence()));
    }

    [Fact]
    public void Two_bodies_that_differ_only_in_their_last_block_get_different_ETags()
    {
        var bytes = new byte[(16 * 1024 * 3) + 10];
        using var first = PooledBuffers.Rent("test");
        first.Write(bytes);
        bytes[^1] = 1;
        using var second = PooledBuffers.Rent("test");
        second.Write(bytes);

        Assert.NotEqual(PooledBuffers.StrongETagOf(first.GetReadOnlySequence()), PooledBuffers.StrongETagOf(second.GetReadOnlySequence()));
    }
}
