using System.Diagnostics.CodeAnalysis;

namespace Newsroom.Domain.Authors;

/// <summary>A byline: a journalist's public profile, optionally linked to the account they sign in with.</summary>
public sealed class Author
{
    public const int NameMaxLength = 100;
    public const int BioMaxLength = 1000;

    private Author()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public Author(Guid id, string name, string slug, string? bio, string? avatarUrl, Guid? userId, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        Update(name, slug, bio, avatarUrl, userId, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public string? Bio { get; private set; }
    public string? AvatarUrl { get; private set; }
    public Guid? UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    [MemberNotNull(nameof(Name), nameof(Slug))]
    public void Update(string name, string slug, string? bio, string? avatarUrl, Guid? userId, DateTimeOffset now)
    {
        Name = name.Trim();
        Slug = slug;
        Bio = string.IsNullOrWhiteSpace(bio) ? null : bio.Trim();
        AvatarUrl = string.IsNullOrWhiteSpace(avatarUrl) ? null : avatarUrl.Trim();
        UserId = userId;
        UpdatedAt = now;
    }
}
