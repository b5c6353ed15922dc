using System.Text.RegularExpressions;

namespace Newsroom.Domain.Tags;

/// <summary>A topic, company or person articles are filed under. One tag per slug: names differing only in case, accents or spacing are the same tag.</summary>
public sealed partial class Tag
{
    public const int NameMaxLength = 80;

    private Tag()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public Tag(Guid id, string name, DateTimeOffset now)
    {
        Id = id;
        Name = NormalizeName(name);
        Slug = Domain.Slug.From(Name);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Rename(string name)
    {
        Name = NormalizeName(name);
        Slug = Domain.Slug.From(Name);
    }

    /// <summary>Trimmed, inner whitespace collapsed: "intelligence  artificielle " → "intelligence artificielle".</summary>
    public static string NormalizeName(string name) => Whitespace().Replace(name.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
