namespace Newsroom.Application.Common.Abstractions;

/// <summary>The server's cache of public answers (the API's output cache).</summary>
public interface IPublicResponseCache
{
    /// <summary>Drops the public answers a committed change made stale (every one for <see cref="PublicChange.Everything"/>).</summary>
    Task EvictAsync(PublicChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Drops searches and completions only: when the search vocabulary, rebuilt in the background after a change,
    /// catches up, since those cached meanwhile were made from the stale vocabulary. Other answers stay warm.
    /// </summary>
    Task EvictSearchesAsync(CancellationToken cancellationToken);
}
