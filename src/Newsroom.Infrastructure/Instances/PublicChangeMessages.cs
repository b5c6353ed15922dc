using System.Text;
using Newsroom.Application.Common.Abstractions;

namespace Newsroom.Infrastructure.Instances;

/// <summary>
/// How a committed change travels between API instances: a PostgreSQL notification on <see cref="Channel"/> whose
/// payload is the change's keys (<see cref="PublicChange.ToString"/>: keys separated by spaces, "*" for everything).
/// </summary>
public static class PublicChangeMessages
{
    /// <summary>Notifications stay inside one database, so instances of different newsrooms never hear each other.</summary>
    public const string Channel = "newsroom_public_changes";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more (its default build).</summary>
    internal const int MaxPayloadBytes = 7999;

    /// <summary>The payload of <paramref name="change"/>: its keys, or "*" when they would not fit.</summary>
    public static string Encode(PublicChange change)
    {
        var payload = change.ToString();
        return Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes ? PublicChange.Everything.ToString() : payload;
    }

    /// <summary>
    /// The change a payload announces. "*" and an empty payload (a bare <c>NOTIFY newsroom_public_changes</c>, which an
    /// operator may send to flush every instance) are <see cref="PublicChange.Everything"/>.
    /// </summary>
    public static PublicChange Decode(string payload)
    {
        var keys = payload.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return keys.Length == 0 || keys.Contains("*") ? PublicChange.Everything : PublicChange.Of(keys);
    }
}
