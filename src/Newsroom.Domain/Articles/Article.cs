namespace Newsroom.Domain.Articles;

/// <summary>What the Markdown body renders to; computed once at save time, never per request.</summary>
public sealed record ArticleRendering(string Html, string Text, int WordCount, int ReadingTimeMinutes);

/// <summary>The editable content of an article, as one value: what an edit sets and what a revision keeps.</summary>
public sealed record ArticleContent(
    string Title,
    string Standfirst,
    string Body,
    Guid SectionId,
    IReadOnlyList<Guid> TagIds,
    IReadOnlyList<Guid> AuthorIds,
    IReadOnlyList<ArticleSource> Sources,
    CoverImage? CoverImage);

/// <summary>Something that happened to an article that others (caches, webhooks) must hear about.</summary>
public sealed record ArticleEvent(string Type, Guid ArticleId, DateTimeOffset OccurredAt)
{
    public const string Published = "article.published";
    public const string Updated = "article.updated";
    public const string Withdrawn = "article.withdrawn";
}

/// <summary>
/// The newsroom's unit of work: written as a draft, revised, scheduled or published, withdrawn. It guards its own
/// publication rules; who may call what is the application's concern.
/// </summary>
public sealed partial class Article
{
    public const int TitleMaxLength = 200;
    public const int StandfirstMaxLength = 600;
    public const int BodyMaxLength = 200_000;
    public const int MaxTags = 20;
    public const int MaxAuthors = 5;
    public const int MaxSources = 10;

    private readonly List<ArticleEvent> _events = [];

    private Article()
    {
        Title = Slug = Standfirst = Body = BodyHtml = BodyText = string.Empty;
    }

    public static Article CreateDraft(Guid id, string slug, ArticleContent content, ArticleRendering rendering, Guid createdBy, DateTimeOffset now)
    {
        var article = new Article { Id = id, Slug = slug, CreatedBy = createdBy, CreatedAt = now, Status = ArticleStatus.Draft };
        article.Apply(content, rendering, now);
        return article;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string Slug { get; private set; }
    public string Standfirst { get; private set; }
    public string Body { get; private set; }
    public string BodyHtml { get; private set; }
    public string BodyText { get; private set; }
    public int WordCount { get; private set; }
    public int ReadingTimeMinutes { get; private set; }
    public Guid SectionId { get; private set; }
    public List<ArticleTag> Tags { get; private set; } = [];
    public List<ArticleAuthor> Authors { get; private set; } = [];
    public List<ArticleSource> Sources { get; private set; } = [];
    public CoverImage? CoverImage { get; private set; }
    public List<ArticleSlugHistory> SlugHistory { get; private set; } = [];
    public ArticleStatus Status { get; private set; }

    /// <summary>When a scheduled article goes live.</summary>
    public DateTimeOffset? PublishAt { get; private set; }

    /// <summary>The public publication instant: set when published, or to <see cref="PublishAt"/> while scheduled, so readers' queries need only this column.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? FirstPublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    public int RevisionCount { get; private set; }

    /// <summary>The tag names, denormalised for full-text search (weighted like the standfirst).</summary>
    public string SearchTags { get; private set; } = string.Empty;

    /// <summary>PostgreSQL's xmin: changes on every write; the ETag of the article.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<ArticleEvent> Events => _events;

    public ArticleContent Content => new(Title, Standfirst, Body, SectionId,
        Tags.OrderBy(t => t.Position).Select(t => t.TagId).ToList(),
        Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToList(),
        Sources.ToList(), CoverImage);

    /// <summary>Visible to readers: published, or scheduled and its instant has come (no job needs to run first).</summary>
    public bool IsPublicAt(DateTimeOffset now) =>
        Status is ArticleStatus.Published or ArticleStatus.Scheduled && PublishedAt <= now;

    public bool WasEverPublished => FirstPublishedAt is not null;

    public bool IsOwnedBy(Guid userId, IReadOnlyCollection<Guid> authorProfileIds) =>
        CreatedBy == userId || Authors.Any(a => authorProfileIds.Contains(a.AuthorId));

    public void ClearEvents() => _events.Clear();

    /// <summary>Keeps the searchable copy of the tag names in step with the tags (the caller knows their names).</summary>
    public void IndexTags(IEnumerable<string> tagNames) => SearchTags = string.Join(" | ", tagNames);

    /// <summary>Applies an edit and returns the names of the fields that changed (empty when nothing did).</summary>
    public IReadOnlyList<string> Edit(string slug, ArticleContent content, ArticleRendering rendering, DateTimeOffset now)
    {
        var before = Content;
        var changed = new List<string>();
        if (slug != Slug)
        {
            ChangeSlug(slug, now);
            changed.Add("slug");
        }

        if (before.Title != content.Title) changed.Add("title");
        if (before.Standfirst != content.Standfirst) changed.Add("standfirst");
        if (before.Body != content.Body) changed.Add("body");
        if (before.SectionId != content.SectionId) changed.Add("sectionId");
        if (!before.TagIds.SequenceEqual(content.TagIds)) changed.Add("tags");
        if (!before.AuthorIds.SequenceEqual(content.AuthorIds)) changed.Add("authorIds");
        if (!before.Sources.SequenceEqual(content.Sources)) changed.Add("sources");
        if (before.CoverImage != content.CoverImage) changed.Add("coverImage");
        if (changed.Count == 0)
        {
            return changed;
        }

        Apply(content, rendering, now);
        if (IsPublicAt(now))
        {
            _events.Add(new ArticleEvent(ArticleEvent.Updated, Id, now));
        }

        return changed;
    }

    /// <summary>Counts a saved change; the caller records the revision under this number.</summary>
    public int NextRevisionNumber() => ++RevisionCount;

    private void Apply(ArticleContent content, ArticleRendering rendering, DateTimeOffset now)
    {
        Title = content.Title;
        Standfirst = content.Standfirst;
        Body = content.Body;
        BodyHtml = rendering.Html;
        BodyText = rendering.Text;
        WordCount = rendering.WordCount;
        ReadingTimeMinutes = rendering.ReadingTimeMinutes;
        SectionId = content.SectionId;
        SyncTags(content.TagIds);
        SyncAuthors(content.AuthorIds);
        Sources = content.Sources.ToList();
        CoverImage = content.CoverImage;
        UpdatedAt = now;
    }

    /// <summary>Once readers may have linked to the article, its old slug is kept so their links are redirected.</summary>
    private void ChangeSlug(string slug, DateTimeOffset now)
    {
        if (WasEverPublished && SlugHistory.All(h => h.Slug != Slug))
        {
            SlugHistory.Add(new ArticleSlugHistory { ArticleId = Id, Slug = Slug, RetiredAt = now });
        }

        SlugHistory.RemoveAll(h => h.Slug == slug);
        Slug = slug;
    }

    private void SyncTags(IReadOnlyList<Guid> tagIds)
    {
        Tags.RemoveAll(t => !tagIds.Contains(t.TagId));
        for (var i = 0; i < tagIds.Count; i++)
        {
            var existing = Tags.FirstOrDefault(t => t.TagId == tagIds[i]);
            if (existing is null)
            {
                Tags.Add(new ArticleTag { ArticleId = Id, TagId = tagIds[i], Position = i });
            }
            else
            {
                existing.Position = i;
            }
        }
    }

    private void SyncAuthors(IReadOnlyList<Guid> authorIds)
    {
        Authors.RemoveAll(a => !authorIds.Contains(a.AuthorId));
        for (var i = 0; i < authorIds.Count; i++)
        {
            var existing = Authors.FirstOrDefault(a => a.AuthorId == authorIds[i]);
            if (existing is null)
            {
                Authors.Add(new ArticleAuthor { ArticleId = Id, AuthorId = authorIds[i], Position = i });
            }
            else
            {
                existing.Position = i;
            }
        }
    }
}
