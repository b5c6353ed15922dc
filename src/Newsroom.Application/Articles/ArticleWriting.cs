using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Application.Common.Errors;
using Newsroom.Domain;
using Newsroom.Domain.Articles;

namespace Newsroom.Application.Articles;

/// <summary>
/// The steps every write to an article shares: resolve and check what the input refers to, choose the slug, render
/// the body, and record the revision. Kept in one place so create, update and restore cannot drift apart.
/// </summary>
public sealed class ArticleWriting(
    IArticleRepository articles,
    IArticleReferences references,
    ArticleBodyRendering rendering,
    ICurrentUser currentUser,
    TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Turns validated input into domain content; unknown section or authors are 400s on their field.</summary>
    public async Task<(ArticleContent Content, IReadOnlyList<string> TagNames)> ResolveAsync(ArticleInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var sectionId = input.SectionId!.Value;
        if (!await references.SectionExistsAsync(sectionId, cancellationToken))
        {
            errors["sectionId"] = [$"no section has the id {sectionId}."];
        }

        var authorIds = input.DistinctAuthorIds;
        foreach (var unknown in await references.UnknownAuthorIdsAsync(authorIds, cancellationToken))
        {
            errors[$"authorIds[{authorIds.ToList().IndexOf(unknown)}]"] = [$"no author has the id {unknown}."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedProblem(errors);
        }

        var tags = await references.EnsureTagsAsync(input.TagNames, cancellationToken);
        var content = new ArticleContent(
            input.Title!.Trim(),
            input.Standfirst?.Trim() ?? string.Empty,
            input.Body!,
            sectionId,
            tags.Select(t => t.Id).ToList(),
            authorIds,
            input.SourceValues,
            input.CoverImageValue);
        return (content, tags.Select(t => t.Name).ToList());
    }

    /// <summary>The body as rendered before the transaction began (see <see cref="IRendersArticleBody"/>), or its refusal.</summary>
    public ArticleRendering Render(string markdown) => rendering.Result(markdown);

    /// <summary>An explicit slug must be free (409 otherwise); a derived one takes the next free "-2", "-3"…</summary>
    public async Task<string> ChooseSlugAsync(string? requested, string title, Guid? articleId, string? currentSlug, CancellationToken cancellationToken)
    {
        if (requested is not null)
        {
            if (requested != currentSlug && await articles.IsSlugTakenAsync(requested, articleId, cancellationToken))
            {
                throw new ConflictProblem($"The slug '{requested}' is already used by another article.");
            }

            return requested;
        }

        if (currentSlug is not null)
        {
            return currentSlug;
        }

        var baseSlug = Slug.From(title);
        return await articles.NextFreeSlugAsync(baseSlug.Length == 0 ? "article" : baseSlug, articleId, cancellationToken);
    }

    public async Task RecordRevisionAsync(Article article, string action, IReadOnlyList<string> changedFields, IReadOnlyList<string>? tagNames, CancellationToken cancellationToken)
    {
        var content = article.Content;
        tagNames ??= await references.TagNamesAsync(content.TagIds, cancellationToken);
        article.IndexTags(tagNames);
        var snapshot = new ArticleSnapshot(content.Title, article.Slug, content.Standfirst, content.Body, content.SectionId, tagNames,
            content.AuthorIds, content.Sources, content.CoverImage, article.Status);
        articles.AddRevision(new ArticleRevision(article.Id, article.NextRevisionNumber(), action, changedFields, snapshot, currentUser.UserId, Now));
    }
}
