using Newsroom.Domain.Tags;

namespace Newsroom.Application.Tags;

public interface ITagRepository
{
    Task<Tag?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Remove(Tag tag);

    /// <summary>Articles filed under the tag, whatever their status.</summary>
    Task<int> CountArticlesAsync(Guid tagId, CancellationToken cancellationToken);

    /// <summary>Every tag by name, with its article counts.</summary>
    Task<IReadOnlyList<TagResponse>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Tags with at least one article public at <paramref name="now"/>, most used first, then by name.</summary>
    Task<IReadOnlyList<PublicTagResponse>> ListPublicAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>The tag, or null when it is unknown or has no article public at <paramref name="now"/> (so drafts never leak).</summary>
    Task<PublicTagResponse?> FindPublicBySlugAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The tags these names stand for, created when missing, safe against concurrent callers. Names are normalised and
    /// deduplicated by slug (<see cref="Tag.DistinctNames"/>): one tag per distinct slug, in the order first named, and an
    /// existing tag keeps its spelling. Names must pass the tag name rules (at most <see cref="Tag.NameMaxLength"/>
    /// characters, at least one letter or digit); anything else is a programming error. Within a transaction, the
    /// returned tags cannot be renamed, merged or deleted by others until it ends.
    /// </summary>
    Task<IReadOnlyList<Tag>> EnsureTagsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken);

    /// <summary>Locks the tags that exist among <paramref name="ids"/> until the transaction ends, so no article gains or loses them meanwhile; returns their ids.</summary>
    Task<IReadOnlySet<Guid>> LockAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Files the source's articles under the target (an article that had both keeps one link, at the lower position), then deletes the source.</summary>
    Task MergeAsync(Guid sourceId, Guid targetId, CancellationToken cancellationToken);

    /// <summary>The articles filed under the tag.</summary>
    Task<IReadOnlyList<Guid>> ArticleIdsAsync(Guid tagId, CancellationToken cancellationToken);

    /// <summary>
    /// After their tags were renamed, merged or deleted: rewrites the articles' indexed tag names (what search finds
    /// them by) from their current tags, which also gives them a new row version (their ETag), so an editor's stale
    /// copy can't be saved over the change. Content and dates are untouched. Changes tracked so far must be saved first.
    /// </summary>
    Task ReindexArticlesAsync(IReadOnlyCollection<Guid> articleIds, CancellationToken cancellationToken);
}
