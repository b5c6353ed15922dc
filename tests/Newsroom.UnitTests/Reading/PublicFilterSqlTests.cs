using System.Text.RegularExpressions;
using Newsroom.Application.Reading;
using Newsroom.Infrastructure.Reading;
using Npgsql;

namespace Newsroom.UnitTests.Reading;

public sealed partial class PublicFilterSqlTests
{
    private static readonly Guid Section = Guid.Parse("0196f1a0-0000-7000-8000-000000000001");
    private static readonly Guid Tag = Guid.Parse("0196f1a0-0000-7000-8000-000000000002");
    private static readonly Guid Author = Guid.Parse("0196f1a0-0000-7000-8000-000000000003");
    private static readonly DateTimeOffset From = new(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset To = new(2025, 7, 31, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_filter_gives_no_condition_and_no_parameter()
    {
        var sql = PublicFilterSql.Of(new PublicArticleFilter());

        Assert.Empty(sql.Conditions);
        Assert.Equal(string.Empty, sql.AndConditions);
        Assert.Empty(sql.Parameters);
    }

    [Fact]
    public void Every_filter_gives_its_condition_on_the_rows_named_and_its_parameter()
    {
        var sql = PublicFilterSql.Of(new PublicArticleFilter(Section, Tag, Author, From, To), "s", "s.article_id");

        Assert.Equal(
            [
                "s.section_id = @section",
                "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = s.article_id AND t.tag_id = @tag)",
                "EXISTS (SELECT 1 FROM article_authors x WHERE x.article_id = s.article_id AND x.author_id = @author)",
                "s.published_at >= @from",
                "s.published_at <= @to",
            ],
            sql.Conditions);
        Assert.Equal(
            [("section", (object)Section), ("tag", Tag), ("author", Author), ("from", From.ToUniversalTime()), ("to", To)],
            sql.Parameters.Select(p => (p.ParameterName, p.Value!)));
    }

    [Fact]
    public void Only_the_filters_given_make_conditions_and_parameters()
    {
        var sql = PublicFilterSql.Of(new PublicArticleFilter(TagId: Tag, To: To));

        Assert.Equal(
            " AND EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = @tag) AND a.published_at <= @to",
            sql.AndConditions);
        Assert.Equal(["tag", "to"], sql.Parameters.Select(p => p.ParameterName));
    }

    /// <summary>Every combination of filters: the parameters are exactly those the conditions name, neither more nor fewer.</summary>
    [Fact]
    public void The_parameters_are_exactly_the_ones_the_conditions_use()
    {
        for (var given = 0; given < 32; given++)
        {
            var filter = new PublicArticleFilter(
                (given & 1) != 0 ? Section : null, (given & 2) != 0 ? Tag : null, (given & 4) != 0 ? Author : null,
                (given & 8) != 0 ? From : null, (given & 16) != 0 ? To : null);
            var sql = PublicFilterSql.Of(filter);

            var named = sql.Conditions.SelectMany(c => ParameterName().Matches(c).Select(m => m.Groups[1].Value)).Order();
            Assert.Equal(named, sql.Parameters.Select(p => p.ParameterName).Order());
            Assert.Equal(int.PopCount(given), sql.Conditions.Count);
        }
    }

    [Fact]
    public void A_section_resolved_in_the_statement_is_a_condition_on_that_expression_without_a_parameter()
    {
        var sql = PublicFilterSql.Of(new PublicArticleFilter(SectionId: Section, AuthorId: Author), sectionId: "f.section_id");

        Assert.Equal("a.section_id = f.section_id", sql.Conditions[0]);
        Assert.Equal(["author"], sql.Parameters.Select(p => p.ParameterName));
    }

    [Fact]
    public void Instants_are_bound_in_utc_as_postgresql_requires_for_timestamptz()
    {
        var sql = PublicFilterSql.Of(new PublicArticleFilter(From: From));

        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)sql.Parameters.Single().Value!).Offset);
        Assert.Equal(From, (DateTimeOffset)sql.Parameters.Single().Value!);
    }

    [Fact]
    public void Bound_for_two_aliases_of_one_command_each_parameter_is_added_once()
    {
        var filter = new PublicArticleFilter(Section, Tag, null, From, null);
        using var command = new NpgsqlCommand();

        PublicFilterSql.Of(filter, "a", "a.id").AddParametersTo(command.Parameters);
        PublicFilterSql.Of(filter, "s", "s.article_id").AddParametersTo(command.Parameters);

        Assert.Equal(["section", "tag", "from"], command.Parameters.Select(p => p.ParameterName));
        Assert.Equal(Tag, command.Parameters["tag"].Value);
    }

    [Fact]
    public void One_builder_binds_several_commands_and_batch_commands()
    {
        var sql = PublicFilterSql.Of(new PublicArticleFilter(AuthorId: Author));
        using var command = new NpgsqlCommand();
        var batchCommand = new NpgsqlBatchCommand();

        sql.AddParametersTo(command.Parameters);
        sql.AddParametersTo(batchCommand.Parameters);

        Assert.Equal(Author, command.Parameters["author"].Value);
        Assert.Equal(Author, batchCommand.Parameters["author"].Value);
    }

    [GeneratedRegex("@([a-z_]+)")]
    private static partial Regex ParameterName();
}
