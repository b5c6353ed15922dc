namespace Newsroom.Domain.Articles;

/// <summary>One saved change of an article: what changed, who, when, and the full content as it then was.</summary>
public sealed class ArticleRevision
{
    private ArticleRevision()
    {
        Action = string.Empty;
        ChangedFields = [];
        Snapshot = null!;
    }

    public ArticleRevision(Guid articleId, int number, string action, IReadOnlyList<string> changedFields, ArticleSnapshot snapshot, Guid? by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ArticleId = articleId;
        Number = number;
        Action = action;
        ChangedFields = changedFields.ToList();
        Snapshot = snapshot;
        CreatedBy = by;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ArticleId { get; private set; }
    public int Number { get; private set; }

    /// <summary>created, edited, restored, published, scheduled, unscheduled, withdrawn.</summary>
    public string Action { get; private set; }

    public List<string> ChangedFields { get; private set; }
    public ArticleSnapshot Snapshot { get; private set; }

    /// <summary>Null when the system did it (the scheduled publisher).</summary>
    public Guid? CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>The article's editable content and status at one revision; tags by name so a later tag merge doesn't rewrite history.</summary>
public sealed record ArticleSnapshot(
    string Title,
    string Slug,
    string Standfirst,
    string Body,
    Guid SectionId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<Guid> AuthorIds,
    IReadOnlyList<ArticleSource> Sources,
    CoverImage? CoverImage,
    ArticleStatus Status);
