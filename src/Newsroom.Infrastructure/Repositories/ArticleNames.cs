using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Articles;
using Newsroom.Domain.Articles;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Repositories;

/// <summary>Names of the sections, tags and authors a set of articles refers to, loaded in three queries whatever the page size.</summary>
internal sealed record ArticleNames(
    Dictionary<Guid, ArticleSectionRef> Sections,
    Dictionary<Guid, ArticleTagRef> TagsById,
    Dictionary<Guid, ArticleAuthorRef> AuthorsById)
{
    public static async Task<ArticleNames> LoadAsync(NewsroomDbContext db, IReadOnlyList<Article> articles, CancellationToken cancellationToken)
    {
        var sectionIds = articles.Select(a => a.SectionId).Distinct().ToList();
        var tagIds = articles.SelectMany(a => a.Tags.Select(t => t.TagId)).Distinct().ToList();
        var authorIds = articles.SelectMany(a => a.Authors.Select(t => t.AuthorId)).Distinct().ToList();
        var sections = await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new ArticleSectionRef(s.Id, s.Slug, s.Name), cancellationToken);
        var tags = tagIds.Count == 0 ? [] : await db.Tags.AsNoTracking().Where(t => tagIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new ArticleTagRef(t.Id, t.Slug, t.Name), cancellationToken);
        var authors = authorIds.Count == 0 ? [] : await db.Authors.AsNoTracking().Where(a => authorIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new ArticleAuthorRef(a.Id, a.Slug, a.Name), cancellationToken);
        return new ArticleNames(sections, tags, authors);
    }

    public ArticleSectionRef Section(Guid id) => Sections[id];

    public IReadOnlyList<ArticleTagRef> Tags(Article article) =>
        article.Tags.OrderBy(t => t.Position).Where(t => TagsById.ContainsKey(t.TagId)).Select(t => TagsById[t.TagId]).ToList();

    public IReadOnlyList<ArticleAuthorRef> Authors(Article article) =>
        article.Authors.OrderBy(a => a.Position).Where(a => AuthorsById.ContainsKey(a.AuthorId)).Select(a => AuthorsById[a.AuthorId]).ToList();

    /// <summary>The teaser readers see in lists, related articles and navigation.</summary>
    public PublicArticleSummary Summary(Article article)
    {
        var section = Section(article.SectionId);
        return new PublicArticleSummary(article.Id, article.Slug, article.Title, article.Standfirst, new PublicSectionRef(section.Slug, section.Name),
            Tags(article).Select(t => new PublicTagRef(t.Slug, t.Name)).ToList(),
            Authors(article).Select(a => new PublicAuthorRef(a.Slug, a.Name)).ToList(),
            article.PublishedAt, article.UpdatedAt, article.ReadingTimeMinutes, article.CoverImage);
    }

    /// <summary>The article page: the teaser's fields plus body, sources and navigation.</summary>
    public PublicArticleResponse Page(Article article, IReadOnlyList<PublicArticleSummary> related, PublicArticleSummary? previous, PublicArticleSummary? next) =>
        PublicArticleResponse.Of(Summary(article), article.BodyHtml, article.Sources, related, previous, next);
}
