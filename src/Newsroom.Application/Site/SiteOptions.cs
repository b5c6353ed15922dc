using System.ComponentModel.DataAnnotations;

namespace Newsroom.Application.Site;

/// <summary>The magazine's identity, from configuration section <c>Newsroom:Site</c>, validated at start-up.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string SectionName = "Newsroom:Site";

    [Required, StringLength(120, MinimumLength = 1)]
    public string Name { get; set; } = "Newsroom";

    [StringLength(300)]
    public string? Tagline { get; set; }

    [Required]
    public string Locale { get; set; } = "fr-FR";

    /// <summary>IANA zone the site shows dates in; the API itself always speaks UTC.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Absolute base URL of the public site, used for links in feeds and sitemaps.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:8080";

    /// <summary>How the public site addresses an article; <c>{section}</c> and <c>{slug}</c> are replaced.</summary>
    [Required]
    public string ArticleUrlPattern { get; set; } = "{baseUrl}/{section}/{slug}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"TimeZone '{TimeZone}' is not a known IANA time zone.", [nameof(TimeZone)]);
        }

        if (!ArticleUrlPattern.Contains("{slug}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("ArticleUrlPattern must contain {slug}.", [nameof(ArticleUrlPattern)]);
        }
    }
}
