using Newsroom.Domain.Authors;

namespace Newsroom.Application.Authors;

public interface IAuthorRepository
{
    Task<Author?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(Author author);

    void Remove(Author author);

    /// <summary>Every author, by name as a French reader would sort it.</summary>
    Task<IReadOnlyList<AuthorResponse>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The authors who sign articles public at <paramref name="now"/>, by name, each with how many.</summary>
    Task<IReadOnlyList<PublicAuthorResponse>> ListPublicAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The author's public profile, or null when no article public at <paramref name="now"/> carries their byline.</summary>
    Task<PublicAuthorResponse?> FindPublicBySlugAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The author profiles linked to an account: an Author-role user may edit the articles those profiles sign.</summary>
    Task<IReadOnlyList<Guid>> AuthorIdsOfUserAsync(Guid userId, CancellationToken cancellationToken);
}
