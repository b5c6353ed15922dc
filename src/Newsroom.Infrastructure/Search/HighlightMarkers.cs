using System.Security.Cryptography;

namespace Newsroom.Infrastructure.Search;

/// <summary>
/// The markers ts_headline puts around matches (StartSel/StopSel), drawn at random for each search: 128 random bits
/// that no stored text can guess, so that only this request's own markers become &lt;mark&gt; whatever an article
/// holds (fixed private-use markers such as U+E000/U+E001 could be typed into a title, or already be stored).
/// Letters and digits only, so ts_headline's option parser takes them as they are and HTML escaping leaves them alone.
/// </summary>
internal sealed record HighlightMarkers(string Start, string End)
{
    public static HighlightMarkers Random()
    {
        var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
        return new HighlightMarkers($"hlstart{nonce}", $"hlend{nonce}");
    }

    /// <summary>The headline HTML-escaped, with these markers (and nothing else) turned into &lt;mark&gt; elements.</summary>
    public string ToHtml(string headline) =>
        headline.Trim().Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal)
            .Replace(Start, "<mark>", StringComparison.Ordinal).Replace(End, "</mark>", StringComparison.Ordinal);
}
