namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// Readers' filters as SQL conditions, the same for lists and search: on rows aliased <c>alias</c> (articles or
/// article_search, both with section_id and published_at) whose article id is <c>articleId</c>. The section is an
/// expression (a parameter, or a slug resolved in the statement); the other values are parameters @tag, @author,
/// @from and @to. Only the filters present give a condition.
/// </summary>
internal static class ReaderFilterSql
{
    public static IEnumerable<string> Conditions(string alias, string articleId, string? section, bool tag, bool author, bool from, bool to)
    {
        if (section is not null)
        {
            yield return $"{alias}.section_id = {section}";
        }

        if (tag)
        {
            yield return $"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = {articleId} AND t.tag_id = @tag)";
        }

        if (author)
        {
            yield return $"EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = {articleId} AND x.author_id = @author)";
        }

        if (from)
        {
            yield return $"{alias}.published_at >= @from";
        }

        if (to)
        {
            yield return $"{alias}.published_at <= @to";
        }
    }
}
