using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Newsroom.Application.Common.Paging;

/// <summary>
/// An opaque position in a list ordered by (instant, id) descending: base64url of "ticks:id". Opaque so clients
/// don't build them; strict to decode so a forged one is a 400, not a 500 or a silently wrong page.
/// </summary>
public readonly record struct KeysetCursor(DateTimeOffset Instant, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{Instant.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    public static bool TryDecode(string? value, out KeysetCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 100)
        {
            return false;
        }

        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split(':');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64url: a forged cursor, reported as invalid below.
        }

        return false;
    }
}

/// <summary>A page of a feed: the items and the cursor of the next page (null on the last).</summary>
public sealed record CursorPage<T>(IReadOnlyList<T> Items, string? NextCursor);
