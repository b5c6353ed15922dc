using Newsroom.Domain.Authors;

namespace Newsroom.Application.Authors;

/// <summary>An author as editors see it, with the account it is linked to.</summary>
/// <param name="Id">The author's id.</param>
/// <param name="Slug">URL name ("claire-dubois").</param>
/// <param name="Name">Byline name ("Claire Dubois").</param>
/// <param name="Bio">Optional short biography.</param>
/// <param name="AvatarUrl">Optional https link to a portrait.</param>
/// <param name="UserId">The newsroom account that signs in as this author, if any; that account may edit the articles it signs.</param>
public sealed record AuthorResponse(Guid Id, string Slug, string Name, string? Bio, string? AvatarUrl, Guid? UserId)
{
    public static AuthorResponse From(Author author) =>
        new(author.Id, author.Slug, author.Name, author.Bio, author.AvatarUrl, author.UserId);
}

/// <summary>An author as readers see it: no account link.</summary>
/// <param name="Slug">URL name ("claire-dubois").</param>
/// <param name="Name">Byline name ("Claire Dubois").</param>
/// <param name="Bio">Optional short biography.</param>
/// <param name="AvatarUrl">Optional https link to a portrait.</param>
/// <param name="PublishedArticleCount">How many articles readers can see under this byline now.</param>
public sealed record PublicAuthorResponse(string Slug, string Name, string? Bio, string? AvatarUrl, int PublishedArticleCount);
