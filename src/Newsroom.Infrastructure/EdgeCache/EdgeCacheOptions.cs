using System.ComponentModel.DataAnnotations;

namespace Newsroom.Infrastructure.EdgeCache;

/// <summary>
/// The edge caches (Varnish with deploy/varnish/newsroom.vcl, or anything taking <c>PURGE</c> with <c>xkey-purge</c>)
/// told of every change readers can see (configuration section <c>Newsroom:EdgeCache</c>), validated at start-up.
/// Without <see cref="PurgeUrls"/> nothing is written or sent.
/// </summary>
public sealed class EdgeCacheOptions : IValidatableObject
{
    public const string SectionName = "Newsroom:EdgeCache";

    /// <summary>Base addresses of the edge caches (absolute http or https); each gets every purge.</summary>
    public List<string> PurgeUrls { get; set; } = [];

    /// <summary>The wait before the first retry of a purge an edge cache did not take; it doubles with every failure.</summary>
    [Range(0.05, 3600)]
    public double FirstRetrySeconds { get; set; } = 1;

    /// <summary>The longest wait between two tries of a purge.</summary>
    [Range(0.05, 3600)]
    public double MaxRetrySeconds { get; set; } = 60;

    /// <summary>How long one edge cache gets to answer one purge.</summary>
    [Range(0.1, 60)]
    public double TimeoutSeconds { get; set; } = 5;

    public bool Enabled => PurgeUrls.Count > 0;

    /// <summary>The wait after the <paramref name="failures"/>-th failed try in a row (from 1): doubling, capped.</summary>
    public TimeSpan RetryAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // Past 2^20 the cap has applied for any range above; bounding the exponent keeps the product finite.
        var seconds = FirstRetrySeconds * Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxRetrySeconds));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var url in PurgeUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"{SectionName}:PurgeUrls: '{url}' is not an absolute http or https URL.", [nameof(PurgeUrls)]);
            }
        }

        if (FirstRetrySeconds > MaxRetrySeconds)
        {
            yield return new ValidationResult($"{SectionName}:FirstRetrySeconds must not exceed MaxRetrySeconds.", [nameof(FirstRetrySeconds)]);
        }
    }
}
