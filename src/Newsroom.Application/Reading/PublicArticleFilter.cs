using Newsroom.Application.Common.Errors;

namespace Newsroom.Application.Reading;

/// <summary>
/// Which public articles a list, a feed or a search shows: the section, tag and author by id (resolved from the slugs
/// readers give, <see cref="PublicFilterSlugs"/>) and a range of publication instants. Only the filters given apply.
/// </summary>
public sealed record PublicArticleFilter(Guid? SectionId = null, Guid? TagId = null, Guid? AuthorId = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The section, tag and author slugs readers name in a query string.</summary>
public sealed record PublicFilterSlugs(string? Section = null, string? Tag = null, string? Author = null)
{
    /// <summary>The 404 of the filter (<c>section</c>, <c>tag</c> or <c>author</c>) whose slug names nothing readers can see.</summary>
    public NotFoundProblem NotFound(string filter) => NotFoundProblem.For(filter, filter switch
    {
        "section" => Section!,
        "tag" => Tag!,
        _ => Author!,
    });
}

/// <summary>What a slug of a filter names: its id, and its name for titles.</summary>
public sealed record PublicFilterTarget(Guid Id, string Name);

/// <summary>
/// The slugs of a <see cref="PublicFilterSlugs"/> resolved: what each one names, and, when one names nothing readers
/// can see, which (<c>section</c>, <c>tag</c> or <c>author</c>, the first in that order).
/// </summary>
public sealed record PublicFilterTargets(PublicFilterTarget? Section, PublicFilterTarget? Tag, PublicFilterTarget? Author, string? Unknown)
{
    public PublicArticleFilter Filter(DateTimeOffset? from = null, DateTimeOffset? to = null) => new(Section?.Id, Tag?.Id, Author?.Id, from, to);
}

public static class PublicFilterResolution
{
    /// <summary>The slugs resolved in one round trip; a 404 for the first that names nothing readers can see.</summary>
    public static async Task<PublicFilterTargets> ResolveOrNotFoundAsync(this IPublicQueries queries, PublicFilterSlugs slugs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var targets = await queries.ResolveAsync(slugs, now, cancellationToken);
        return targets.Unknown is { } unknown ? throw slugs.NotFound(unknown) : targets;
    }
}
