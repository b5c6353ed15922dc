using FluentValidation;
using Mediator;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Site;

namespace Newsroom.Application.Reading;

/// <summary>Months that have published articles, newest first, counted in the site's time zone.</summary>
public sealed record ListArchives : IQuery<IReadOnlyList<ArchiveMonth>>;

/// <summary>The published articles of one month of the site's time zone, paged like the list.</summary>
public sealed record ListArchiveMonth(int Year, int Month, int? Limit, string? Cursor) : IQuery<CursorPage<PublicArticleSummary>>;

public sealed class ListArchiveMonthValidator : AbstractValidator<ListArchiveMonth>
{
    public ListArchiveMonthValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(1900, 9999).WithMessage("must be between 1900 and 9999.");
        RuleFor(q => q.Month).InclusiveBetween(1, 12).WithMessage("must be between 1 and 12.");
        RuleFor(q => q.Limit).ValidPageSize();
        RuleFor(q => q.Cursor).Must(c => c is null || KeysetCursor.TryDecode(c, out _)).WithMessage("is not a cursor this API issued.");
    }
}

public sealed class ArchiveHandlers(IPublicQueries queries, SiteOptions site, TimeProvider clock) :
    IQueryHandler<ListArchives, IReadOnlyList<ArchiveMonth>>,
    IQueryHandler<ListArchiveMonth, CursorPage<PublicArticleSummary>>
{
    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone);

    public async ValueTask<IReadOnlyList<ArchiveMonth>> Handle(ListArchives query, CancellationToken cancellationToken) =>
        await queries.ArchivesAsync(Zone, clock.GetUtcNow(), cancellationToken);

    /// <summary>A Paris month starts at local midnight on the 1st: 2025-07 begins 2025-06-30T22:00Z.</summary>
    public async ValueTask<CursorPage<PublicArticleSummary>> Handle(ListArchiveMonth query, CancellationToken cancellationToken)
    {
        var zone = Zone;
        var startLocal = new DateTime(query.Year, query.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var from = new DateTimeOffset(startLocal, zone.GetUtcOffset(startLocal)).ToUniversalTime();
        var endLocal = startLocal.AddMonths(1);
        var to = new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime().AddTicks(-10);
        KeysetCursor? after = KeysetCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
        return (await queries.ListAsync(new PublicFilterSlugs(), from, to, after, PageSize.Of(query.Limit), clock.GetUtcNow(), cancellationToken)).Page;
    }
}
