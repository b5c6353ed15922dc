using Newsroom.Application.Search;

namespace Newsroom.UnitTests;

public sealed class SearchQueryRulesTests
{
    private static readonly SearchArticlesValidator Search = new();
    private static readonly SuggestSearchesValidator Suggest = new();

    private static SearchArticles Query(string q) => new(q, null, null, null, null, null, null, null);

    [Theory]
    [InlineData("intelligence artificielle", 2, 0)]
    [InlineData("porte-monnaie -bitcoin", 3, 1)]
    [InlineData("\"objets connectés\" OR montres -apple", 5, 4)]
    [InlineData("l'or des Incas or argent", 6, 1)]
    [InlineData("orange ORDI", 2, 0)]
    [InlineData("x ---", 1, 3)]
    [InlineData("- - -", 0, 3)]
    public void Words_and_operators_are_counted_as_the_parser_reads_them(string query, int words, int operators)
    {
        Assert.Equal(words, SearchQueryRules.CountWords(query));
        Assert.Equal(operators, SearchQueryRules.CountOperators(query));
    }

    [Fact]
    public void Thirty_three_minus_signs_are_a_400_with_a_message_on_q_not_a_database_error()
    {
        var failure = Assert.Single(Search.Validate(Query(new string('-', 33))).Errors);

        Assert.Equal("Q", failure.PropertyName);
        Assert.Equal("must have at most 16 search operators (a leading '-', 'OR', quotation marks); this one has 33.", failure.ErrorMessage);
    }

    [Fact]
    public void More_than_32_words_are_refused_and_32_pass()
    {
        var words = string.Join(' ', Enumerable.Range(0, 32).Select(i => "mot" + i));

        Assert.True(Search.Validate(Query(words)).IsValid);
        var failure = Assert.Single(Search.Validate(Query(words + " encore")).Errors);
        Assert.Equal("must have at most 32 words; this one has 33.", failure.ErrorMessage);
    }

    [Fact]
    public void Sixteen_operators_pass_and_seventeen_are_refused()
    {
        Assert.True(Search.Validate(Query("x " + new string('-', 16))).IsValid);
        Assert.False(Search.Validate(Query("x " + new string('-', 17))).IsValid);
        Assert.False(Search.Validate(Query(string.Concat(Enumerable.Repeat("a OR ", 17)) + "b")).IsValid);
    }

    [Fact]
    public void Completions_follow_the_same_rules()
    {
        Assert.True(Suggest.Validate(new SuggestSearches("intelligence artif")).IsValid);
        Assert.Equal("Q", Assert.Single(Suggest.Validate(new SuggestSearches("x " + new string('-', 40))).Errors).PropertyName);
        Assert.Equal("Q", Assert.Single(Suggest.Validate(new SuggestSearches(string.Join(' ', Enumerable.Repeat("a", 40)))).Errors).PropertyName);
    }
}
