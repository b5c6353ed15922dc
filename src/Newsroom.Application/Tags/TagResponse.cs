using Newsroom.Domain.Tags;

namespace Newsroom.Application.Tags;

/// <summary>A tag as editors see it.</summary>
/// <param name="Id">The tag's id.</param>
/// <param name="Slug">URL name, made from the name ("intelligence-artificielle").</param>
/// <param name="Name">Display name, as first spelled ("Intelligence artificielle").</param>
/// <param name="ArticleCount">Articles filed under the tag, whatever their status.</param>
public sealed record TagResponse(Guid Id, string Slug, string Name, int ArticleCount)
{
    public static TagResponse From(Tag tag, int articleCount) => new(tag.Id, tag.Slug, tag.Name, articleCount);
}

/// <summary>A tag as readers see it.</summary>
/// <param name="Slug">URL name ("intelligence-artificielle").</param>
/// <param name="Name">Display name ("Intelligence artificielle").</param>
/// <param name="ArticleCount">Articles readers can see under the tag now.</param>
public sealed record PublicTagResponse(string Slug, string Name, int ArticleCount);
