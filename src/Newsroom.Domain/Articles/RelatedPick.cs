namespace Newsroom.Domain.Articles;

/// <summary>An editor's choice for an article's "À lire également", shown before the computed matches.</summary>
public sealed class RelatedPick
{
    public Guid ArticleId { get; set; }

    public Guid RelatedArticleId { get; set; }

    public int Position { get; set; }
}
