using FluentValidation;
using Mediator;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Common.Validation;

namespace Newsroom.Application.Reading;

/// <summary>Published articles, newest first, by section, tag, author and date range.</summary>
public sealed record ListPublicArticles(string? Section, string? Tag, string? Author, DateTimeOffset? From, DateTimeOffset? To, int? Limit, string? Cursor)
    : IQuery<CursorPage<PublicArticleSummary>>;

public sealed class ListPublicArticlesValidator : AbstractValidator<ListPublicArticles>
{
    public ListPublicArticlesValidator()
    {
        RuleFor(q => q.Section).PublicSlug();
        RuleFor(q => q.Tag).PublicSlug();
        RuleFor(q => q.Author).PublicSlug();
        RuleFor(q => q.Limit).ValidPageSize();
        RuleFor(q => q.Cursor).Must(c => c is null || KeysetCursor.TryDecode(c, out _)).WithMessage("is not a cursor this API issued.");
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage("must not be before 'from'.");
    }
}

public sealed class ListPublicArticlesHandler(IPublicQueries queries, TimeProvider clock) : IQueryHandler<ListPublicArticles, CursorPage<PublicArticleSummary>>
{
    public async ValueTask<CursorPage<PublicArticleSummary>> Handle(ListPublicArticles query, CancellationToken cancellationToken)
    {
        KeysetCursor? after = KeysetCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
        var slugs = new PublicFilterSlugs(query.Section, query.Tag, query.Author);
        var list = await queries.ListAsync(slugs, query.From?.ToUniversalTime(), query.To?.ToUniversalTime(), after, PageSize.Of(query.Limit), clock.GetUtcNow(), cancellationToken);
        return list.UnknownFilter is { } unknown ? throw slugs.NotFound(unknown) : list.Page;
    }
}

internal static class ReadingRules
{
    /// <summary>Slugs in query strings and paths: bounded and printable, so junk is a 400 rather than a database round trip.</summary>
    public static IRuleBuilderOptions<T, string?> PublicSlug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is null || (s.Length is > 0 and <= 200 && !s.Any(char.IsControl))).WithMessage("must be 1–200 printable characters.")
            .AllowedCharacters();
}
