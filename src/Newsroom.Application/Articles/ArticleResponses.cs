using Newsroom.Domain.Articles;

namespace Newsroom.Application.Articles;

/// <summary>A section as an article names it.</summary>
public sealed record ArticleSectionRef(Guid Id, string Slug, string Name);

/// <summary>A tag as an article names it.</summary>
public sealed record ArticleTagRef(Guid Id, string Slug, string Name);

/// <summary>A byline entry.</summary>
public sealed record ArticleAuthorRef(Guid Id, string Slug, string Name);

/// <summary>An article as the back office sees it: everything, including the Markdown source and the version for If-Match.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="Slug">URL name, unique.</param>
/// <param name="Title">Headline.</param>
/// <param name="Standfirst">The chapô.</param>
/// <param name="Body">Markdown source.</param>
/// <param name="BodyHtml">Sanitised HTML rendered from the body.</param>
/// <param name="BodyText">Plain text rendered from the body.</param>
/// <param name="ReadingTimeMinutes">About 230 words a minute, at least 1.</param>
/// <param name="Status">draft, scheduled, published or withdrawn.</param>
/// <param name="Section">The article's section.</param>
/// <param name="Tags">Tags in the editor's order.</param>
/// <param name="Authors">Byline in the editor's order.</param>
/// <param name="Sources">Credits such as AFP.</param>
/// <param name="CoverImage">Main picture, or null.</param>
/// <param name="PublishAt">When a scheduled article goes live (UTC), else null.</param>
/// <param name="PublishedAt">Public publication instant (UTC), else null.</param>
/// <param name="FirstPublishedAt">First time it went public (UTC); kept across withdrawals.</param>
/// <param name="CreatedAt">Creation instant (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
/// <param name="CreatedBy">Account that created it.</param>
/// <param name="Version">Concurrency version; send it back in If-Match (it is also the ETag).</param>
/// <param name="RevisionCount">Number of saved revisions.</param>
/// <param name="PreviousSlugs">Old slugs that redirect to this article.</param>
public sealed record AdminArticleResponse(
    Guid Id,
    string Slug,
    string Title,
    string Standfirst,
    string Body,
    string BodyHtml,
    string BodyText,
    int ReadingTimeMinutes,
    ArticleStatus Status,
    ArticleSectionRef Section,
    IReadOnlyList<ArticleTagRef> Tags,
    IReadOnlyList<ArticleAuthorRef> Authors,
    IReadOnlyList<ArticleSource> Sources,
    CoverImage? CoverImage,
    DateTimeOffset? PublishAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? FirstPublishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid CreatedBy,
    string Version,
    int RevisionCount,
    IReadOnlyList<string> PreviousSlugs);

/// <summary>A line of the back office's article list.</summary>
public sealed record AdminArticleSummary(
    Guid Id,
    string Slug,
    string Title,
    ArticleStatus Status,
    ArticleSectionRef Section,
    IReadOnlyList<ArticleAuthorRef> Authors,
    DateTimeOffset? PublishAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    string Version);

/// <summary>A section as readers see it on an article.</summary>
public sealed record PublicSectionRef(string Slug, string Name);

/// <summary>A tag as readers see it.</summary>
public sealed record PublicTagRef(string Slug, string Name);

/// <summary>A byline as readers see it.</summary>
public sealed record PublicAuthorRef(string Slug, string Name);

/// <summary>An article teaser in readers' lists.</summary>
public sealed record PublicArticleSummary(
    Guid Id,
    string Slug,
    string Title,
    string Standfirst,
    PublicSectionRef Section,
    IReadOnlyList<PublicTagRef> Tags,
    IReadOnlyList<PublicAuthorRef> Authors,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    int ReadingTimeMinutes,
    CoverImage? CoverImage);

/// <summary>The article page as readers' front-ends get it (and as the back office previews it).</summary>
/// <param name="Related">"À lire également": up to 6 teasers.</param>
/// <param name="Previous">The previous article in publication order, or null.</param>
/// <param name="Next">The next article in publication order, or null.</param>
public sealed record PublicArticleResponse(
    Guid Id,
    string Slug,
    string Title,
    string Standfirst,
    PublicSectionRef Section,
    IReadOnlyList<PublicTagRef> Tags,
    IReadOnlyList<PublicAuthorRef> Authors,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    int ReadingTimeMinutes,
    CoverImage? CoverImage,
    string BodyHtml,
    IReadOnlyList<ArticleSource> Sources,
    IReadOnlyList<PublicArticleSummary> Related,
    PublicArticleSummary? Previous,
    PublicArticleSummary? Next)
{
    /// <summary>The page of an article: its teaser's fields, then what only the page shows. Readers' page and the back office's preview are built here.</summary>
    public static PublicArticleResponse Of(
        PublicArticleSummary teaser, string bodyHtml, IReadOnlyList<ArticleSource> sources,
        IReadOnlyList<PublicArticleSummary> related, PublicArticleSummary? previous, PublicArticleSummary? next) =>
        new(teaser.Id, teaser.Slug, teaser.Title, teaser.Standfirst, teaser.Section, teaser.Tags, teaser.Authors,
            teaser.PublishedAt, teaser.UpdatedAt, teaser.ReadingTimeMinutes, teaser.CoverImage, bodyHtml, sources, related, previous, next);
}

/// <summary>One entry of an article's history.</summary>
/// <param name="Number">1 for the creation, then one more per saved change.</param>
/// <param name="Action">created, edited, restored, published, scheduled, unscheduled or withdrawn.</param>
/// <param name="ChangedFields">The fields an edit changed.</param>
/// <param name="CreatedBy">Who made it; null for the scheduled publisher.</param>
/// <param name="CreatedAt">When (UTC).</param>
public sealed record RevisionSummary(int Number, string Action, IReadOnlyList<string> ChangedFields, Guid? CreatedBy, DateTimeOffset CreatedAt);

/// <summary>One revision with the full content as it then was.</summary>
public sealed record RevisionResponse(int Number, string Action, IReadOnlyList<string> ChangedFields, Guid? CreatedBy, DateTimeOffset CreatedAt, ArticleSnapshot Content);
