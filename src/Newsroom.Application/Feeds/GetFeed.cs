using FluentValidation;
using Mediator;
using Newsroom.Application.Reading;
using Newsroom.Application.Site;

namespace Newsroom.Application.Feeds;

/// <summary>
/// The latest public articles as a syndication feed, for the whole site, a section, a tag, or both: a section and a tag
/// together narrow the feed to articles that have both (as the article list does), rather than being refused.
/// </summary>
public sealed record GetFeed(string? Section, string? Tag) : IQuery<Feed>
{
    public const int ItemCount = 50;
}

/// <summary>A feed, independent of its format (RSS 2.0 or Atom 1.0 is the API's business).</summary>
/// <param name="Title">Site name, with the section or tag name when filtered.</param>
/// <param name="Description">The site's tagline, or its name.</param>
/// <param name="Language">Two-letter language of the content ("fr").</param>
/// <param name="SiteLink">The public page the feed mirrors: home, or the section page.</param>
/// <param name="Updated">The latest change among the items, so that an unchanged feed is byte-identical (stable ETag).</param>
/// <param name="Items">Newest first.</param>
public sealed record Feed(string Title, string Description, string Language, string SiteLink, DateTimeOffset Updated, IReadOnlyList<FeedItem> Items);

/// <summary>One article of a feed.</summary>
/// <param name="Id">The guid, stable for the article's life, whatever its slug becomes: <c>urn:uuid:&lt;id&gt;</c>.</param>
/// <param name="Link">Absolute URL on the public site.</param>
/// <param name="Categories">The section's name, then the tags' names.</param>
/// <param name="Summary">The standfirst.</param>
/// <param name="ContentHtml">The sanitised HTML body.</param>
public sealed record FeedItem(
    string Id,
    string Title,
    string Link,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    string Summary,
    string ContentHtml);

public sealed class GetFeedValidator : AbstractValidator<GetFeed>
{
    public GetFeedValidator()
    {
        RuleFor(q => q.Section).PublicSlug();
        RuleFor(q => q.Tag).PublicSlug();
    }
}

public sealed class GetFeedHandler(IPublicQueries queries, SiteOptions site, TimeProvider clock) : IQueryHandler<GetFeed, Feed>
{
    public async ValueTask<Feed> Handle(GetFeed query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Only tags with a public article: a tag used by drafts alone must not show through a feed.
        var targets = await queries.ResolveOrNotFoundAsync(new PublicFilterSlugs(query.Section, query.Tag), now, cancellationToken);
        var articles = await queries.LatestWithBodiesAsync(targets.Filter(), GetFeed.ItemCount, now, cancellationToken);
        var items = articles.Select(a => new FeedItem(
            $"urn:uuid:{a.Id}",
            a.Title,
            PublicLinks.Article(site, a.Section.Slug, a.Slug),
            a.Authors.Select(author => author.Name).ToList(),
            [a.Section.Name, .. a.Tags.Select(t => t.Name)],
            a.PublishedAt!.Value,
            a.UpdatedAt,
            a.Standfirst,
            a.BodyHtml)).ToList();

        var title = string.Join(" — ", new[] { site.Name, targets.Section?.Name, targets.Tag?.Name }.OfType<string>());
        return new Feed(
            title,
            site.Tagline ?? site.Name,
            PublicLinks.Language(site),
            query.Section is null ? PublicLinks.Home(site) : PublicLinks.Section(site, query.Section),
            // An empty feed has nothing to date it by; a fixed instant keeps its bytes (and ETag) stable.
            items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.UpdatedAt > i.PublishedAt ? i.UpdatedAt : i.PublishedAt),
            items);
    }
}
