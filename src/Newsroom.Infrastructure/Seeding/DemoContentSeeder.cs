using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Application.Site;
using Newsroom.Domain;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.Infrastructure.Seeding;

/// <summary>
/// Fills an empty newsroom with the demo magazine: its authors, tags and articles, published or scheduled as the
/// demo file says, each with its first revision. Only on a first run (no article and no author yet), so a real
/// newsroom's content is never mixed with demo articles.
/// </summary>
public sealed partial class DemoContentSeeder(
    NewsroomDbContext db,
    IOptions<SiteOptions> site,
    TimeProvider clock,
    ILogger<DemoContentSeeder> logger)
{
    // Any constant will do, as long as nothing else locks on it: it only serialises concurrent first runs.
    private const long SeedLockKey = 0x4E_65_77_73_44_65_6D_6F; // "NewsDemo"

    // Demo articles were "written" this long before going live, so creation and publication read plausibly.
    private static readonly TimeSpan DraftingTime = TimeSpan.FromHours(3);

    // Scheduled demo articles go live when the magazine's readers wake up.
    private static readonly TimeOnly MorningEdition = new(7, 0);

    /// <summary>Seeds the demo magazine unless the newsroom already has articles or authors; returns whether it did.</summary>
    /// <param name="createdBy">The account the articles are credited to (the bootstrap admin), or <see cref="Guid.Empty"/>.</param>
    public async Task<bool> SeedAsync(Guid createdBy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two instances starting together on one empty database would both see "first run"; the second one waits
        // here, then finds the first one's articles and does nothing.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);
        if (await db.Articles.AnyAsync(cancellationToken) || await db.Authors.AnyAsync(cancellationToken))
        {
            return false;
        }

        var content = DemoContent.Load();
        var now = clock.GetUtcNow();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Slug, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var since = content.Articles.Select(a => CreatedAt(a, now)).Min();
        var authors = AddAuthors(content, since);
        var tags = await AddTagsAsync(content, since, cancellationToken);

        var renderer = new ArticleBodyRenderer(PublicHost());
        var revisionAuthor = createdBy == Guid.Empty ? (Guid?)null : createdBy;
        var (published, scheduled) = (0, 0);
        foreach (var demo in content.Articles)
        {
            if (!sections.TryGetValue(demo.Section, out var sectionId))
            {
                LogMissingSection(logger, demo.Title, demo.Section);
                continue;
            }

            var article = AddArticle(demo, sectionId, authors, tags, renderer, createdBy, revisionAuthor, now);
            published += article.Status == ArticleStatus.Published ? 1 : 0;
            scheduled += article.Status == ArticleStatus.Scheduled ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(logger, published + scheduled, published, scheduled, authors.Count, tags.Count);
        return true;
    }

    private Article AddArticle(
        DemoArticle demo,
        Guid sectionId,
        IReadOnlyDictionary<string, Author> authors,
        IReadOnlyDictionary<string, Tag> tags,
        ArticleBodyRenderer renderer,
        Guid createdBy,
        Guid? revisionAuthor,
        DateTimeOffset now)
    {
        var articleTags = demo.Tags.Select(name => tags[TagSlug(name)]).DistinctBy(t => t.Id).ToList();
        var content = new ArticleContent(
            demo.Title,
            demo.Standfirst,
            demo.Body,
            sectionId,
            articleTags.Select(t => t.Id).ToList(),
            demo.Authors.Select(slug => authors[slug].Id).Distinct().ToList(),
            demo.Sources,
            demo.CoverImage);
        var body = renderer.Render(demo.Body);
        var rendering = new ArticleRendering(body.Html, body.Text, body.WordCount, body.ReadingTimeMinutes);
        var createdAt = CreatedAt(demo, now);
        var article = Article.CreateDraft(Guid.CreateVersion7(), Slug.From(demo.Title), content, rendering, createdBy, createdAt);
        article.IndexTags(articleTags.Select(t => t.Name));

        // The first revision is the draft as it was written; publication is the article's state, not a second edit.
        var snapshot = new ArticleSnapshot(article.Title, article.Slug, article.Standfirst, article.Body, article.SectionId,
            articleTags.Select(t => t.Name).ToList(), content.AuthorIds, content.Sources, content.CoverImage, article.Status);
        db.ArticleRevisions.Add(new ArticleRevision(article.Id, article.NextRevisionNumber(), "created", [], snapshot, revisionAuthor, createdAt));

        if (demo.PublishedAt is { } publishedAt)
        {
            article.Publish(publishedAt.ToUniversalTime());
        }
        else
        {
            article.Schedule(MorningAfter(now, demo.ScheduledInDays!.Value), now);
        }

        // Demo articles are not news: no webhook or cache purge may hear about them.
        article.ClearEvents();
        db.Articles.Add(article);
        return article;
    }

    private Dictionary<string, Author> AddAuthors(DemoContent content, DateTimeOffset since)
    {
        var authors = new Dictionary<string, Author>(StringComparer.Ordinal);
        foreach (var demo in content.Authors)
        {
            // Demo bylines belong to no account: an admin links them to real people's accounts if they want.
            var author = new Author(Guid.CreateVersion7(), demo.Name, demo.Slug, demo.Bio, demo.AvatarUrl, userId: null, since);
            authors.Add(demo.Slug, author);
            db.Authors.Add(author);
        }

        return authors;
    }

    // One tag per slug, spelt as it first appears; a tag an editor already made is reused rather than duplicated.
    private async Task<Dictionary<string, Tag>> AddTagsAsync(DemoContent content, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var names = content.Articles.SelectMany(a => a.Tags).Select(Tag.NormalizeName).DistinctBy(TagSlug).ToList();
        var slugs = names.Select(TagSlug).ToList();
        var tags = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var name in names.Where(n => !tags.ContainsKey(TagSlug(n))))
        {
            var tag = new Tag(Guid.CreateVersion7(), name, since);
            tags.Add(tag.Slug, tag);
            db.Tags.Add(tag);
        }

        return tags;
    }

    private static string TagSlug(string name) => Slug.From(Tag.NormalizeName(name));

    private static DateTimeOffset CreatedAt(DemoArticle demo, DateTimeOffset now) =>
        (demo.PublishedAt?.ToUniversalTime() ?? now) - DraftingTime;

    /// <summary>07:00 in the site's time zone, <paramref name="days"/> days after today there, as UTC.</summary>
    private DateTimeOffset MorningAfter(DateTimeOffset now, int days)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(site.Value.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(days);
        var local = day.ToDateTime(MorningEdition);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private string? PublicHost() =>
        Uri.TryCreate(site.Value.PublicBaseUrl, UriKind.Absolute, out var url) && url.Host.Length > 0 ? url.Host : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo content seeded: {Articles} articles ({Published} published, {Scheduled} scheduled), {Authors} authors, {Tags} tags")]
    private static partial void LogSeeded(ILogger logger, int articles, int published, int scheduled, int authors, int tags);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo article '{Title}' skipped: its section '{Section}' does not exist")]
    private static partial void LogMissingSection(ILogger logger, string title, string section);
}
