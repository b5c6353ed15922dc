namespace Newsroom.Infrastructure.Persistence;

/// <summary>
/// LIKE and ILIKE patterns built from what a caller typed. Every LIKE of the code base builds its pattern here, so
/// that '%', '_' and '\' typed by a caller match themselves instead of anything ('%' listed every tag once). The
/// escape character is the backslash, PostgreSQL's default when a LIKE names none (EF's ILike names none).
/// Prefix matches that need no wildcard use starts_with instead.
/// </summary>
internal static class LikePatterns
{
    /// <summary>The text with its wildcards and escape characters escaped, to be matched literally.</summary>
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A pattern matching any text that contains <paramref name="text"/>.</summary>
    public static string Containing(string text) => "%" + Literal(text) + "%";
}
