namespace Newsroom.Domain.Articles;

/// <summary>A credit line: an agency ("AFP") or a source, optionally linked.</summary>
public sealed record ArticleSource(string Name, string? Url);

/// <summary>The article's main picture; alt text is required for accessibility.</summary>
public sealed record CoverImage(string Url, string Alt, string? Credit, string? Caption);

/// <summary>An article's place in a tag (ordered as the editor listed them).</summary>
public sealed class ArticleTag
{
    public Guid ArticleId { get; set; }

    public Guid TagId { get; set; }

    public int Position { get; set; }
}

/// <summary>An article's byline entry (ordered as the editor listed them).</summary>
public sealed class ArticleAuthor
{
    public Guid ArticleId { get; set; }

    public Guid AuthorId { get; set; }

    public int Position { get; set; }
}

/// <summary>A slug the article had once it was public; readers' old links are redirected from it.</summary>
public sealed class ArticleSlugHistory
{
    public string Slug { get; set; } = string.Empty;

    public Guid ArticleId { get; set; }

    public DateTimeOffset RetiredAt { get; set; }
}
