using System.Text.Json;
using Newsroom.Domain.Articles;

namespace Newsroom.Infrastructure.Seeding;

/// <summary>
/// The demo magazine shipped inside this assembly (<c>demo-content.json</c>): original French articles and their
/// bylines, so a first run shows a living site. Sections are referred to by slug, authors by slug, tags by name.
/// </summary>
internal sealed record DemoContent(IReadOnlyList<DemoAuthor> Authors, IReadOnlyList<DemoArticle> Articles)
{
    public const string ResourceName = "Newsroom.Infrastructure.Seeding.demo-content.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field would otherwise be dropped silently and the demo quietly lose a cover or a source.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads and checks the embedded file; a broken file is a build mistake, so it fails loudly.</summary>
    public static DemoContent Load()
    {
        using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(DemoContent).Assembly.GetName().Name}.");
        var content = JsonSerializer.Deserialize<DemoContent>(stream, Json)
            ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        content.EnsureConsistent();
        return content;
    }

    private void EnsureConsistent()
    {
        var authorSlugs = Authors.Select(a => a.Slug).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var article in Articles)
        {
            if (article.PublishedAt is null == article.ScheduledInDays is null)
            {
                problems.Add($"'{article.Title}' needs exactly one of publishedAt and scheduledInDays.");
            }

            if (article.ScheduledInDays is < 1)
            {
                problems.Add($"'{article.Title}' must be scheduled at least one day ahead.");
            }

            problems.AddRange(article.Authors.Where(slug => !authorSlugs.Contains(slug))
                .Select(slug => $"'{article.Title}' is signed by unknown author '{slug}'."));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{ResourceName} is inconsistent: " + string.Join(" ", problems));
        }
    }
}

/// <summary>A byline of the demo magazine.</summary>
internal sealed record DemoAuthor(string Slug, string Name, string? Bio, string? AvatarUrl);

/// <summary>
/// A demo article: either already published (<see cref="PublishedAt"/>, a fixed instant) or scheduled
/// <see cref="ScheduledInDays"/> days after the first run, so the demo always has something coming up.
/// </summary>
internal sealed record DemoArticle(
    string Title,
    string Standfirst,
    string Body,
    string Section,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Authors,
    IReadOnlyList<ArticleSource> Sources,
    CoverImage? CoverImage,
    DateTimeOffset? PublishedAt,
    int? ScheduledInDays);
