using Mediator;
using Newsroom.Application.Sections;

namespace Newsroom.Application.Site;

/// <summary>What a front-end needs to draw the site's frame: identity, time zone and navigation.</summary>
/// <param name="Name">Site name.</param>
/// <param name="Tagline">Tagline under the name.</param>
/// <param name="Locale">BCP 47 locale of the content ("fr-FR").</param>
/// <param name="TimeZone">IANA time zone the site shows dates in ("Europe/Paris"); every instant in the API is UTC.</param>
/// <param name="PublicBaseUrl">Absolute URL of the public site.</param>
/// <param name="Sections">Sections in navigation order.</param>
public sealed record SiteResponse(string Name, string? Tagline, string Locale, string TimeZone, string PublicBaseUrl, IReadOnlyList<SectionResponse> Sections);

public sealed record GetSite : IQuery<SiteResponse>;

public sealed class GetSiteHandler(SiteOptions site, ISectionRepository sections) : IQueryHandler<GetSite, SiteResponse>
{
    public async ValueTask<SiteResponse> Handle(GetSite query, CancellationToken cancellationToken) =>
        new(site.Name, site.Tagline, site.Locale, site.TimeZone, site.PublicBaseUrl.TrimEnd('/'), await sections.ListAsync(cancellationToken));
}
