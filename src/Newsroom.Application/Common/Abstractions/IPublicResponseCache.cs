namespace Newsroom.Application.Common.Abstractions;

/// <summary>The server's cache of public answers (the API's output cache).</summary>
public interface IPublicResponseCache
{
    /// <summary>Drops every public answer: after each committed change readers can see.</summary>
    Task EvictAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Drops searches and completions only: when the search vocabulary, rebuilt in the background after a change,
    /// catches up, since those cached meanwhile were made from the stale vocabulary. Other answers stay warm.
    /// </summary>
    Task EvictSearchesAsync(CancellationToken cancellationToken);
}
