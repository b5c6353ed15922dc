using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Newsroom.Api.Http;

/// <summary>Strong ETags from a version number, and reading the If-Match a client sends back.</summary>
internal static class ETags
{
    public static string From(string version) => $"\"{version}\"";

    /// <summary>Null when the header is absent; an unparseable or wildcard value can't match any version, so it reads as stale (412).</summary>
    public static uint? ParseIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header.Split(',')[0].Trim(), out var tag) && !tag.IsWeak
            && uint.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : uint.MaxValue;
    }
}
