using System.Text.Json;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Domain;

namespace Newsroom.Bench.Corpus;

/// <summary>One published article, its derived columns rendered by the application's own renderer.</summary>
internal sealed record GeneratedArticle(
    long Index,
    Guid Id,
    string Title,
    string BaseSlug,
    string Standfirst,
    string Body,
    RenderedBody Rendered,
    BenchSection Section,
    IReadOnlyList<BenchTag> Tags,
    IReadOnlyList<BenchAuthor> Authors,
    DateTimeOffset PublishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CoverImageJson,
    string SourcesJson)
{
    /// <summary>Set once, in index order, when slugs are made unique ("-2", "-3"… like the application does).</summary>
    public string Slug { get; set; } = BaseSlug;

    /// <summary>What Article.IndexTags stores in search_tags: the tag names in the editor's order.</summary>
    public string SearchTags => string.Join(" | ", Tags.Select(t => t.Name));
}

/// <summary>
/// Builds article number <c>i</c> of a corpus from (seed, i) alone, so any subset can be built in parallel, in any
/// order, and a corpus of 1M starts with the same 100k articles as a corpus of 100k.
/// </summary>
internal sealed class ArticleFactory(int seed, Catalog catalog, ArticleBodyRenderer renderer)
{
    /// <summary>The ten years of the archive; fixed (not "now") so a seed always gives the same corpus.</summary>
    public static readonly DateTimeOffset ArchiveEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset ArchiveStart = ArchiveEnd.AddYears(-10);

    private static readonly Zipf TagRanks = new(Catalog.TagCount, 1.0);
    private static readonly Zipf AuthorRanks = new(Catalog.AuthorCount, 0.7);
    private static readonly Guid BenchEditor = Guid.Parse("0193f000-0000-7000-8000-0000000be0c4");
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public GeneratedArticle Create(long index)
    {
        // The writer aims inside 400–900 words as the renderer counts them; the rare miss is written again.
        for (var attempt = 0; ; attempt++)
        {
            var article = Create(index, Rng.For(seed, stream: 2 + attempt * 100, index));
            if (article.Rendered.WordCount is >= 400 and <= 900 || attempt == 9)
            {
                return article;
            }
        }
    }

    private GeneratedArticle Create(long index, Rng rng)
    {
        var section = PickSection(rng);
        var writer = new ArticleWriter(rng);
        var title = writer.Title(interview: section.Slug == "entretiens");
        var standfirst = writer.Standfirst();
        var body = writer.Body(title);

        var published = PublicationInstant(rng);
        var created = published.AddMinutes(-rng.Next(10, 60 * 24 * 5));
        var updated = rng.Chance(0.3) ? published.AddMinutes(rng.Next(1, 60 * 24 * 10)) : published;
        if (updated > ArchiveEnd)
        {
            updated = ArchiveEnd;
        }

        var baseSlug = Domain.Slug.From(title);
        return new GeneratedArticle(
            index,
            Catalog.DeterministicGuid(rng, created),
            title,
            baseSlug.Length == 0 ? "article" : baseSlug,
            standfirst,
            body,
            renderer.Render(body),
            section,
            PickDistinct(rng, 1 + Math.Min(rng.Next(5), rng.Next(5)), TagRanks, catalog.Tags),
            PickDistinct(rng, rng.Next(100) switch { < 80 => 1, < 97 => 2, _ => 3 }, AuthorRanks, catalog.Authors),
            published,
            created,
            updated,
            CoverImage(rng, title, published),
            Sources(rng));
    }

    private static BenchSection PickSection(Rng rng)
    {
        var roll = rng.NextDouble();
        foreach (var section in Catalog.Sections)
        {
            roll -= section.Weight;
            if (roll < 0)
            {
                return section;
            }
        }

        return Catalog.Sections[0];
    }

    // The magazine grew: density rises linearly over the ten years (three times denser at the end than at the start).
    // Hours are those of a newsroom day in Paris, to the second.
    private static DateTimeOffset PublicationInstant(Rng rng)
    {
        var u = rng.NextDouble();
        var t = (-1 + Math.Sqrt(1 + 8 * u)) / 2;
        var days = (int)((ArchiveEnd - ArchiveStart).TotalDays * t);
        var day = ArchiveStart.AddDays(Math.Min(days, (int)(ArchiveEnd - ArchiveStart).TotalDays - 1));
        return day.AddSeconds(rng.Next(5 * 3600, 20 * 3600));
    }

    private static List<T> PickDistinct<T>(Rng rng, int count, Zipf ranks, IReadOnlyList<T> items)
    {
        var picked = new List<T>(count);
        for (var attempts = 0; picked.Count < count && attempts < count * 10; attempts++)
        {
            var item = ranks.Sample(rng, items);
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }

        return picked;
    }

    // Property names as EF Core writes the owned JSON types (CLR names); checked after seeding by reading back with EF.
    private static string? CoverImage(Rng rng, string title, DateTimeOffset published)
    {
        if (!rng.Chance(0.75))
        {
            return null;
        }

        var cover = new Dictionary<string, string?>
        {
            ["Url"] = $"https://images.newsroom.example/{published:yyyy}/{published:MM}/{rng.NextUInt64():x16}.jpg",
            ["Alt"] = title.Length > 120 ? title[..120] : title,
            ["Credit"] = rng.Chance(0.6) ? "Photo : " + rng.Pick(Names.Companies) : rng.Chance(0.5) ? "AFP" : null,
            ["Caption"] = rng.Chance(0.3) ? "Illustration : " + rng.Pick(Names.Places) : null,
        };
        return JsonSerializer.Serialize(cover, Json);
    }

    private static string Sources(Rng rng)
    {
        var count = rng.Next(100) switch { < 45 => 0, < 85 => 1, < 97 => 2, _ => 3 };
        var sources = new List<Dictionary<string, string?>>(count);
        for (var i = 0; i < count; i++)
        {
            var name = rng.Chance(0.4) ? rng.Pick(["AFP", "Reuters", "AP"]) : rng.Pick(Names.Sources).Replace("l’", "", StringComparison.Ordinal).Replace("le ", "", StringComparison.Ordinal);
            var url = rng.Chance(0.6) ? $"https://www.{Slug.From(name).Replace("-", "", StringComparison.Ordinal)}.com/etudes/{rng.Next(1000, 99999)}" : null;
            sources.Add(new Dictionary<string, string?> { ["Name"] = French.Capitalise(name), ["Url"] = url });
        }

        return JsonSerializer.Serialize(sources, Json);
    }

    public static Guid CreatedBy => BenchEditor;
}
