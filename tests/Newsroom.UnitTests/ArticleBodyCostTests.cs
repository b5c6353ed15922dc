using System.Text;
using Newsroom.Application.Articles.Rendering;

namespace Newsroom.UnitTests;

/// <summary>Each limit at its exact value passes and one more is refused, naming the limit and its value.</summary>
public sealed class ArticleBodyCostTests
{
    public static TheoryData<string> Limits() => new(ArticleBodyCost.All.Select(l => l.Name));

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_body_exactly_at_a_limit_passes(string limit)
    {
        Assert.Null(ArticleBodyCost.FindExcess(Shape(limit, Limit(limit).Maximum)));
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_body_one_over_a_limit_is_refused_with_the_limit_named(string limit)
    {
        var excess = ArticleBodyCost.FindExcess(Shape(limit, Limit(limit).Maximum + 1));

        Assert.NotNull(excess);
        Assert.Equal(limit, excess.Limit.Name);
        Assert.Contains($"'{limit}'", excess.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {Limit(limit).Maximum:N0}", excess.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unclosed_link_destinations_of_issue_20_are_refused()
    {
        var excess = ArticleBodyCost.FindExcess(Repeat("[a](", 49_000));

        Assert.Equal(ArticleBodyCost.WordLength, excess?.Limit);
    }

    [Fact]
    public void The_nested_lists_of_issue_20_are_refused_even_spread_over_lines()
    {
        Assert.Equal(ArticleBodyCost.HtmlDepth, ArticleBodyCost.FindExcess(Repeat("<ul><li>", 24_000))?.Limit);
        Assert.Equal(ArticleBodyCost.HtmlDepth, ArticleBodyCost.FindExcess(Repeat("<ul><li>\n", 20_000))?.Limit);
    }

    [Fact]
    public void Many_emphasis_markers_are_refused_in_one_paragraph_and_in_all()
    {
        Assert.Equal(ArticleBodyCost.InlineRunsPerParagraph, ArticleBodyCost.FindExcess(Repeat("*a _b ", 33_000))?.Limit);
        Assert.Equal(ArticleBodyCost.InlineRuns, ArticleBodyCost.FindExcess(Repeat("*a _b\n\n", 33_000))?.Limit);
    }

    [Theory]
    [InlineData("<ul>\n<li>un\n<li>deux\n<li>trois\n</ul>")]
    [InlineData("<p>un<p>deux<p>trois")]
    [InlineData("<table><tr><td>a<td>b<tr><td>c<td>d</table>")]
    [InlineData("<figure><img src=\"https://exemple.fr/a.jpg\"/><figcaption>Légende</figcaption></figure>")]
    [InlineData("Texte <br> avec <br/> des <hr> sauts <img src=x>")]
    public void Siblings_void_and_self_closed_elements_do_not_deepen_the_nesting(string html)
    {
        Assert.Null(ArticleBodyCost.FindExcess(Repeat(html + "\n\n", 40)));
    }

    [Fact]
    public void A_long_investigation_with_500_links_tables_quotes_and_lists_passes()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            body.Append($"## Partie {i}\n\nLe *rapport* n° {i} dit **tout** : voir [la source {i}](https://www.exemple.fr/enquete/2026/doc_{i}?ref=a_b).\n\n");
            if (i % 50 == 0)
            {
                body.Append("> « Citation », dit-il.\n>\n> — *Un témoin*\n\n- un\n- deux\n  - détail\n    1. précision\n\n");
                body.Append("| Commune | Voix | Part |\n|---|--:|--:|\n");
                for (var row = 0; row < 100; row++)
                {
                    body.Append($"| Commune {row} | {row * 17} | {row % 100} % |\n");
                }

                body.Append("\n<figure><img src=\"https://images.exemple.fr/a.jpg\" alt=\"x\"><figcaption>Photo <em>AFP</em></figcaption></figure>\n\n");
            }
        }

        Assert.True(body.Length <= Newsroom.Domain.Articles.Article.BodyMaxLength, $"{body.Length} characters");
        Assert.Null(ArticleBodyCost.FindExcess(body.ToString()));
    }

    private static ArticleBodyLimit Limit(string name) => ArticleBodyCost.All.Single(l => l.Name == name);

    // The simplest body that reaches exactly `count` of what the limit counts, and nothing else near its limit.
    private static string Shape(string limit, int count) => limit switch
    {
        "nestingDepth" => Repeat("> ", count) + "a",
        "listItemsAndQuotes" => Repeat("- a\n", count),
        "htmlDepth" => Repeat("<div>", count) + "a",
        "htmlElements" => Repeat("<br> ", count),
        "linkOpeners" => Repeat("[ ", count),
        "inlineRuns" => Repeat(Repeat("*a ", 500) + "\n\n", count / 500) + Repeat("*a ", count % 500),
        "inlineRunsPerParagraph" => "Un paragraphe d’abord.\n\n" + Repeat("*a ", count) + "\n\nUn autre.",
        "tableCells" => Repeat("| ", count),
        "wordLength" => new string('x', count),
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "no shape for this limit"),
    };

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();
}
