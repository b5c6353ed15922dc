namespace Newsroom.Application.Search;

/// <summary>
/// The words, tags and authors of the articles public at a given instant, for typo corrections and completions.
/// A scheduled article's words join it at the article's instant; a withdrawn or edited article's words leave it with
/// the next rebuild (Infrastructure's <c>SearchVocabularyRefresher</c> keeps it).
/// </summary>
public interface ISearchVocabulary
{
    /// <summary>
    /// The query with each word replaced by its closest word of the articles public at <paramref name="now"/> when it
    /// is unknown; null when nothing changes.
    /// </summary>
    Task<string?> CorrectAsync(string query, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> completions of the last word, from the tags, authors and words of the articles public at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> CompleteAsync(string prefixQuery, int limit, DateTimeOffset now, CancellationToken cancellationToken);
}
