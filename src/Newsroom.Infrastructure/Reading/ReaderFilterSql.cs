using Newsroom.Application.Reading;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// The conditions of <see cref="PublicFilterSql"/> for a caller that binds their parameters itself (the search engine's
/// <c>Command</c>): which filters are given, and the section as an expression. The SQL text is the builder's.
/// </summary>
internal static class ReaderFilterSql
{
    public static IEnumerable<string> Conditions(string alias, string articleId, string? section, bool tag, bool author, bool from, bool to) =>
        PublicFilterSql.Of(
            new PublicArticleFilter(null, tag ? Guid.Empty : null, author ? Guid.Empty : null, from ? DateTimeOffset.UnixEpoch : null, to ? DateTimeOffset.UnixEpoch : null),
            alias, articleId, section).Conditions;
}
