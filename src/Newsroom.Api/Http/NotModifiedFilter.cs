namespace Newsroom.Api.Http;

/// <summary>
/// Passes the body through, or drops it once the response has become a 304. The response is started before the
/// first write goes anywhere, so the OnStarting decision is always made first.
/// </summary>
internal sealed class NotModifiedFilter(Stream inner, HttpResponse response) : Stream
{
    public Stream Inner { get; } = inner;

    public bool Discard { get; set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!response.HasStarted)
        {
            response.StartAsync().GetAwaiter().GetResult();
        }

        if (!Discard)
        {
            Inner.Write(buffer, offset, count);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!response.HasStarted)
        {
            await response.StartAsync(cancellationToken);
        }

        if (!Discard)
        {
            await Inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
