namespace Newsroom.Application.Common.Abstractions;

/// <summary>The server's cache of public answers (the API's output cache).</summary>
public interface IPublicResponseCache
{
    /// <summary>
    /// Drops the public answers carrying one of the change's keys (every one for <see cref="PublicChange.Everything"/>):
    /// after a committed change, and with <see cref="CacheKeys.Search"/> when the search vocabulary, rebuilt in the
    /// background, catches up (searches and completions cached meanwhile were made from the stale one).
    /// </summary>
    Task EvictAsync(PublicChange change, CancellationToken cancellationToken);
}
