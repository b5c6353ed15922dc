using Newsroom.Application.Feeds;

namespace Newsroom.Api.Feeds;

/// <summary>
/// A feed written in one of its formats: the document streamed to the reader, and the <see cref="Feed"/> it was written
/// from, whose articles the answer's cache keys name (<see cref="Http.ResponseCacheKeys"/>).
/// </summary>
internal sealed class FeedDocument(Feed feed, Stream body, string contentType) : IResult
{
    public Feed Feed { get; } = feed;

    public Task ExecuteAsync(HttpContext httpContext) => TypedResults.Stream(body, contentType).ExecuteAsync(httpContext);
}
