using Newsroom.Application.Site;

namespace Newsroom.Application.Feeds;

/// <summary>
/// Addresses on the public site (not the API): feeds and sitemaps point readers and crawlers there, so every link is
/// absolute and follows the configured <see cref="SiteOptions.ArticleUrlPattern"/>.
/// </summary>
internal static class PublicLinks
{
    public static string Home(SiteOptions site) => site.PublicBaseUrl.TrimEnd('/');

    public static string Section(SiteOptions site, string sectionSlug) => $"{Home(site)}/{Uri.EscapeDataString(sectionSlug)}";

    public static string Article(SiteOptions site, string sectionSlug, string slug) =>
        site.ArticleUrlPattern
            .Replace("{baseUrl}", Home(site), StringComparison.Ordinal)
            .Replace("{section}", Uri.EscapeDataString(sectionSlug), StringComparison.Ordinal)
            .Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal);

    /// <summary>The two-letter language of the site's locale ("fr-FR" → "fr"), as Google News and RSS expect it.</summary>
    public static string Language(SiteOptions site) => site.Locale.Split('-')[0].ToLowerInvariant();
}
