using Newsroom.Application.Reading;
using Npgsql;

namespace Newsroom.Infrastructure.Reading;

/// <summary>
/// A <see cref="PublicArticleFilter"/> as SQL: the conditions of the filters given, and the parameters those conditions
/// use, made together so they can't disagree. Only the filters given make a condition, so each plan fits them. The
/// conditions apply to rows aliased <c>alias</c> (articles, or article_search: both have section_id and
/// published_at) whose article id is <c>articleId</c>; the parameters (@section, @tag, @author, @from, @to) are the
/// same whatever the alias, so one command may hold the conditions of several aliases and bind them once.
/// </summary>
internal sealed class PublicFilterSql
{
    private readonly List<string> _conditions = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    private PublicFilterSql()
    {
    }

    /// <summary>The conditions, to be joined with AND.</summary>
    public IReadOnlyList<string> Conditions => _conditions;

    /// <summary>The conditions, each after an " AND ", to follow other conditions; empty when no filter is given.</summary>
    public string AndConditions => string.Concat(_conditions.Select(c => $" AND {c}"));

    /// <summary>The parameters the conditions use, with their values (bind them with <see cref="AddParametersTo"/>).</summary>
    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    /// <param name="filter">The filters given.</param>
    /// <param name="alias">The alias of the filtered rows.</param>
    /// <param name="articleId">The article id of those rows, as SQL.</param>
    /// <param name="sectionId">
    /// An expression of the statement that holds the section's id (a slug resolved in the same statement): when given,
    /// the section condition uses it, with no parameter, and <see cref="PublicArticleFilter.SectionId"/> is not read.
    /// </param>
    public static PublicFilterSql Of(PublicArticleFilter filter, string alias = "a", string articleId = "a.id", string? sectionId = null)
    {
        var sql = new PublicFilterSql();
        if (sectionId is not null)
        {
            sql._conditions.Add($"{alias}.section_id = {sectionId}");
        }
        else if (filter.SectionId is { } section)
        {
            sql.Add($"{alias}.section_id = @section", new NpgsqlParameter<Guid>("section", section));
        }

        if (filter.TagId is { } tag)
        {
            sql.Add($"EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = {articleId} AND t.tag_id = @tag)", new NpgsqlParameter<Guid>("tag", tag));
        }

        if (filter.AuthorId is { } author)
        {
            sql.Add($"EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = {articleId} AND x.author_id = @author)", new NpgsqlParameter<Guid>("author", author));
        }

        if (filter.From is { } from)
        {
            sql.Add($"{alias}.published_at >= @from", new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
        }

        if (filter.To is { } to)
        {
            sql.Add($"{alias}.published_at <= @to", new NpgsqlParameter<DateTimeOffset>("to", to.ToUniversalTime()));
        }

        return sql;
    }

    /// <summary>
    /// Adds the parameters to a command's or a batch command's collection, as copies (a parameter belongs to one
    /// collection); a parameter the collection already has (the same filter bound for another alias) is not added twice.
    /// </summary>
    public void AddParametersTo(NpgsqlParameterCollection parameters)
    {
        foreach (var parameter in _parameters.Where(p => !parameters.Contains(p.ParameterName)))
        {
            parameters.Add(parameter.Clone());
        }
    }

    private void Add(string condition, NpgsqlParameter parameter)
    {
        _conditions.Add(condition);
        _parameters.Add(parameter);
    }
}
