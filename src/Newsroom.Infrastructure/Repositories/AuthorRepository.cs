using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Authors;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

internal sealed class AuthorRepository(NewsroomDbContext db) : IAuthorRepository
{
    /// <summary>
    /// The database's collation may be plain C (the embedded cluster's is), which files "Émilie" after "Zoé"; the
    /// list is small and bounded, so it is sorted here the way a French reader expects.
    /// </summary>
    private static readonly StringComparer FrenchNames = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase);

    public Task<Author?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Authors.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public void Add(Author author) => db.Authors.Add(author);

    public void Remove(Author author) => db.Authors.Remove(author);

    public async Task<IReadOnlyList<AuthorResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var authors = await db.Authors.AsNoTracking()
            .Select(a => new AuthorResponse(a.Id, a.Slug, a.Name, a.Bio, a.AvatarUrl, a.UserId))
            .ToListAsync(cancellationToken);
        return authors.OrderBy(a => a.Name, FrenchNames).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<PublicAuthorResponse>> ListPublicAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var authors = await ProjectPublic(db.Authors, now).ToListAsync(cancellationToken);
        return authors.OrderBy(a => a.Name, FrenchNames).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
    }

    public Task<PublicAuthorResponse?> FindPublicBySlugAsync(string slug, DateTimeOffset now, CancellationToken cancellationToken) =>
        ProjectPublic(db.Authors.Where(a => a.Slug == slug), now).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> AuthorIdsOfUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Authors.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Only authors who sign an article public at <paramref name="now"/>: one with none (a freelancer whose drafts are
    /// not out yet) is unknown to readers, a 404 like a slug that names nobody. Filter before projecting: EF cannot
    /// translate a filter on the record built here.
    /// </summary>
    private IQueryable<PublicAuthorResponse> ProjectPublic(IQueryable<Author> source, DateTimeOffset now)
    {
        var publicArticles = db.Articles.PublicAt(now);
        return source.AsNoTracking()
            .Where(a => db.Set<ArticleAuthor>().Any(byline => byline.AuthorId == a.Id && publicArticles.Any(article => article.Id == byline.ArticleId)))
            .Select(a => new PublicAuthorResponse(
            a.Slug,
            a.Name,
            a.Bio,
            a.AvatarUrl,
            db.Set<ArticleAuthor>().Count(byline => byline.AuthorId == a.Id && publicArticles.Any(article => article.Id == byline.ArticleId))));
    }
}
