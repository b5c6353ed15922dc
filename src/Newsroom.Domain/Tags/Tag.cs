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

    /// <summary>
    /// The tags a list of names stands for, once each and in the order first named: names are normalised and two names
    /// with the same slug are one tag, spelled as the first of them ("IA", "ia " → "IA"). Names that make no slug are kept:
    /// refusing them is the validator's job, not a silent drop here.
    /// </summary>
    public static IReadOnlyList<string> DistinctNames(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<string>();
        foreach (var name in names)
        {
            var normalized = NormalizeName(name);
            if (seen.Add(Domain.Slug.From(normalized)))
            {
                distinct.Add(normalized);
            }
        }

        return distinct;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
