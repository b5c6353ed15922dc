namespace Newsroom.Application.Common.Abstractions;

/// <summary>
/// What a committed change makes stale, as the cache keys of the public answers that showed it (see
/// <see cref="CacheKeys"/>): the server's output cache, the other API instances and the edge caches all drop exactly
/// the answers carrying one of them. <see cref="Everything"/> drops every public answer.
/// </summary>
public sealed class PublicChange
{
    private PublicChange(IReadOnlySet<string> keys, bool isEverything)
    {
        Keys = keys;
        IsEverything = isEverything;
    }

    /// <summary>Nothing readers can see changed.</summary>
    public static PublicChange None { get; } = new(new HashSet<string>(StringComparer.Ordinal), false);

    /// <summary>Any public answer may have changed: all of them are dropped.</summary>
    public static PublicChange Everything { get; } = new(new HashSet<string>(StringComparer.Ordinal), true);

    /// <summary>The keys of the answers to drop; empty when <see cref="IsEverything"/>.</summary>
    public IReadOnlySet<string> Keys { get; }

    public bool IsEverything { get; }

    public bool IsEmpty => !IsEverything && Keys.Count == 0;

    public static PublicChange Of(IEnumerable<string> keys)
    {
        var set = new HashSet<string>(keys, StringComparer.Ordinal);
        return set.Count == 0 ? None : new PublicChange(set, false);
    }

    public PublicChange Union(PublicChange other) =>
        IsEverything || other.IsEverything ? Everything
        : other.IsEmpty ? this
        : IsEmpty ? other
        : Of(Keys.Concat(other.Keys));

    public override string ToString() => IsEverything ? "*" : string.Join(' ', Keys.Order(StringComparer.Ordinal));
}

/// <summary>
/// The names public answers are tagged with (the <c>xkey</c> and <c>Surrogate-Key</c> headers, the output cache's
/// tags) and changes are announced by. Slugs are lowercase ASCII words and hyphens (<see cref="Domain.Slug"/>), so a
/// key never holds a space.
/// </summary>
public static class CacheKeys
{
    /// <summary>Every list of articles: the lists, the archives, their months.</summary>
    public const string List = "list";

    /// <summary>The site's own description and navigation (<c>/site</c>, the sections).</summary>
    public const string Site = "site";

    /// <summary>RSS and Atom feeds.</summary>
    public const string Feed = "feed";

    /// <summary>Searches and completions.</summary>
    public const string Search = "search";

    /// <summary>The sitemaps.</summary>
    public const string Sitemap = "sitemap";

    public static string Article(Guid id) => $"article-{id:N}";

    public static string Section(string slug) => $"section-{slug}";

    public static string Tag(string slug) => $"tag-{slug}";

    public static string Author(string slug) => $"author-{slug}";
}
