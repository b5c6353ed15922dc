using System.Diagnostics.CodeAnalysis;

namespace Newsroom.Domain.Sections;

/// <summary>A rubrique of the magazine ("Technologies", "Entretiens"…), shown in the navigation in <see cref="Position"/> order.</summary>
public sealed class Section
{
    public const int NameMaxLength = 60;
    public const int DescriptionMaxLength = 500;

    private Section()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public Section(Guid id, string name, string? description, int position, DateTimeOffset now)
    {
        Id = id;
        CreatedAt = now;
        Rename(name, description, position, now);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public string? Description { get; private set; }
    public int Position { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The slug always follows the name: a section's URL is its name, and there are few enough of them that editors rename deliberately.</summary>
    [MemberNotNull(nameof(Name), nameof(Slug))]
    public void Rename(string name, string? description, int position, DateTimeOffset now)
    {
        Name = name.Trim();
        Slug = Domain.Slug.From(Name);
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Position = position;
        UpdatedAt = now;
    }
}
