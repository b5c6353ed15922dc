using System.Text;
using Newsroom.Application.Articles.Rendering;
using Newsroom.Bench.Corpus;

namespace Newsroom.Bench.Rendering;

/// <summary>A body to render, and why it is in the list.</summary>
internal sealed record RenderBody(string Name, string Markdown);

/// <summary>
/// Bodies of up to 1 MiB that have made Markdig, the sanitiser or AngleSharp slow, realistic long articles, and bodies
/// just inside each limit of <see cref="ArticleBodyCost"/> in the costliest shape it lets through.
/// </summary>
internal static class RenderBodies
{
    private const int MaxChars = Domain.Articles.Article.BodyMaxLength;

    public static IEnumerable<RenderBody> All(int seed)
    {
        // The two bodies of issue 20, and the families they belong to, at full size.
        yield return new("issue: [a]( x 49,000", Repeat("[a](", 49_000));
        yield return new("issue: <ul><li> x 24,000", Repeat("<ul><li>", 24_000));
        yield return new("[a]( x 2,000, spaced", Repeat("[a]( ", 2_000));
        yield return new("<div> x 40,000", Repeat("<div>", 40_000));
        yield return new("'> ' x 100,000", Repeat("> ", 100_000) + "a");
        yield return new("'- ' x 100,000", Repeat("- ", 100_000) + "a");
        yield return new("*a _b x 33,000 (one paragraph)", Repeat("*a _b ", 33_000));
        yield return new("**a x 66,000", Repeat("**a", 66_000));
        yield return new("`a ``b x 28,000", Repeat("`a ``b ", 28_000));
        yield return new("[ x 200,000", Repeat("[", 200_000));
        yield return new("<b> x 66,000", "x " + Repeat("<b>", 66_000));
        yield return new("| x 200,000 (one row)", "|a|b|\n|-|-|\n" + Repeat("|", 199_000));
        yield return new("table 1,000 columns x 60 rows", Table(1_000, 60));
        yield return new("one word of 200,000 chars", new string('x', MaxChars));
        yield return new("one line of 40,000 words", Repeat("mot ", 50_000));

        // Beyond 200,000 characters: refused by the length rule whatever the shape.
        yield return new("1 MiB of ASCII text", Words(1 << 20));
        yield return new("1 MiB of 'é' (2 bytes each)", new string('é', 1 << 19));

        // Real articles, long ones.
        yield return new("generated article (≈ 700 words)", Generated(seed, 1));
        yield return new("long investigation: 30 articles, 500 links, 3 tables", Investigation(seed));
        yield return new("table 2,000 rows x 8 columns", Table(8, 2_000));
        yield return new("table 1,000 rows x 8 columns", Table(8, 1_000));

        // Just inside each limit, in the costliest shape found.
        var depth = ArticleBodyCost.NestingDepth.Maximum;
        var lines = ArticleBodyCost.ListItemsAndQuotes.Maximum / depth;
        yield return new($"limit nestingDepth: '> ' x {depth} per line, {lines} lines", Repeat(Repeat("> ", depth) + "a\n\n", lines));
        yield return new($"limit nestingDepth: '- ' x {depth} per line, {lines} lines", Repeat(Repeat("- ", depth) + "a\n", lines));
        yield return new($"limit nestingDepth: indented lists {depth} deep, {lines} lines", Repeat(string.Concat(Enumerable.Range(0, depth).Select(d => new string(' ', 2 * d) + "- a\n")), lines / depth));
        yield return new("limit htmlDepth: <div> x 32 then closed, x 62", Repeat(Repeat("<div>", 32) + "a" + Repeat("</div>", 32) + "\n", ArticleBodyCost.HtmlElements.Maximum / 32));
        yield return new("limit htmlDepth: <ul><li> x 16 then closed, x 62", Repeat(Repeat("<ul><li>", 16) + "a" + Repeat("</li></ul>", 16) + "\n", ArticleBodyCost.HtmlElements.Maximum / 32));
        yield return new("limit htmlElements: <b>x</b> x 2,000 (one paragraph)", Repeat("<b>x</b> ", ArticleBodyCost.HtmlElements.Maximum));
        yield return new("limit htmlElements: <span>x</span> x 2,000 (one paragraph)", Repeat("<span>x</span> ", ArticleBodyCost.HtmlElements.Maximum));
        yield return new("limit htmlElements: <em>x</em> x 2,000 (one paragraph)", Repeat("<em>x</em> ", ArticleBodyCost.HtmlElements.Maximum));
        yield return new("limit htmlElements: <table> rows of 2,000 tags", "<table>\n" + Repeat("<tr><td>a</td><td>b</td><td>c</td></tr>\n", (ArticleBodyCost.HtmlElements.Maximum - 1) / 4) + "</table>");
        yield return new("limit htmlElements: <span> x 31 deep, 2,000 tags", Repeat(Repeat("<span>", 31) + "a" + Repeat("</span>", 31) + "\n", ArticleBodyCost.HtmlElements.Maximum / 31));
        yield return new("limit listItemsAndQuotes: '- ' x 5,000 lines", Repeat("- a\n", ArticleBodyCost.ListItemsAndQuotes.Maximum));
        yield return new("limit listItemsAndQuotes: '> - ' x 2,500 lines", Repeat("> - a\n\n", ArticleBodyCost.ListItemsAndQuotes.Maximum / 2));
        yield return new("limit linkOpeners: [a]( x 5,000 in 4k-char words", Repeat(Repeat("[a](", ArticleBodyCost.WordLength.Maximum / 4) + " ", ArticleBodyCost.LinkOpeners.Maximum / (ArticleBodyCost.WordLength.Maximum / 4)));
        yield return new("limit linkOpeners: [ x 5,000", Repeat("[ ", ArticleBodyCost.LinkOpeners.Maximum));
        yield return new("limit linkOpeners: [lien](url) x 5,000", Repeat("[lien](https://exemple.fr/a) ", ArticleBodyCost.LinkOpeners.Maximum));
        yield return new("limit inlineRuns: *a _b x 500 per paragraph, 5,000 runs", Repeat(Repeat("*a _b ", 500) + "\n\n", ArticleBodyCost.InlineRuns.Maximum / 1_000));
        yield return new("limit inlineRuns: **a x 1,000 per paragraph, 5,000 runs", Repeat(Repeat("**a ", 1_000) + "\n\n", ArticleBodyCost.InlineRuns.Maximum / 1_000));
        yield return new("limit inlineRunsPerParagraph: *a _b x 500 (one paragraph)", Repeat("*a _b ", ArticleBodyCost.InlineRunsPerParagraph.Maximum / 2));
        yield return new("limit inlineRuns: ` `` ``` x 5,000", Ticks(ArticleBodyCost.InlineRuns.Maximum));
        yield return new("limit tableCells: one row of 10,000 '| '", "|a|b|\n|-|-|\n" + Repeat("| ", ArticleBodyCost.TableCells.Maximum - 6));
        yield return new("limit tableCells: 1,000 rows x 9 columns", Table(9, 990));
        yield return new("limit wordLength: 49 words of 4,000 chars", Repeat(new string('x', ArticleBodyCost.WordLength.Maximum) + " ", 49));
        yield return new("limit wordLength: ***a*** in 4,000-char words", Repeat(Repeat("***a", ArticleBodyCost.WordLength.Maximum / 4) + "\n\n", 5));
    }

    private static string Repeat(string text, int times)
    {
        var builder = new StringBuilder(text.Length * times);
        for (var i = 0; i < times; i++)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }

    private static string Words(int chars)
    {
        var builder = new StringBuilder(chars);
        while (builder.Length < chars)
        {
            builder.Append("Le gouvernement prépare une réforme. ");
        }

        return builder.ToString(0, chars);
    }

    private static string Ticks(int runs)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < runs; i++)
        {
            builder.Append('`', i % 3 + 1).Append(i % 1_000 == 999 ? "a\n\n" : "a ");
        }

        return builder.ToString();
    }

    private static string Table(int columns, int rows)
    {
        var builder = new StringBuilder();
        builder.Append('|');
        for (var c = 0; c < columns; c++)
        {
            builder.Append("Colonne ").Append(c).Append('|');
        }

        builder.Append("\n|").Append(Repeat("---|", columns)).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            builder.Append('|');
            for (var c = 0; c < columns; c++)
            {
                builder.Append(r * columns + c).Append(" €|");
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string Generated(int seed, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var writer = new ArticleWriter(Rng.For(seed, stream: 2, 5_000_000 + i));
            builder.Append(writer.Body(writer.Title(interview: false))).Append("\n\n");
        }

        return builder.ToString();
    }

    // A long investigation as editors write one: many sections of prose with emphasis, 500 sourced links,
    // quotes, lists, and three big tables, about 190,000 characters.
    private static string Investigation(int seed)
    {
        var prose = Generated(seed, 30);
        var paragraphs = prose.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        var links = 0;
        for (var i = 0; i < paragraphs.Length && builder.Length < 150_000; i++)
        {
            var paragraph = paragraphs[i];
            if (!paragraph.StartsWith('#') && links < 500)
            {
                for (var k = 0; k < 3 && links < 500; k++, links++)
                {
                    paragraph += $" Selon [le document n° {links}](https://www.exemple-source.fr/enquete/2026/documents/{links}?ref=newsroom_{links}), *c’est* **confirmé**.";
                }
            }

            builder.Append(paragraph).Append("\n\n");
            if (i % 40 == 20)
            {
                builder.Append("> « Nous n’avions jamais vu ça », raconte un témoin.\n>\n> — Un *ancien* responsable\n\n");
                builder.Append("- premier point\n- deuxième point\n  - détail\n  - autre détail\n\n");
            }
        }

        for (var t = 0; t < 3; t++)
        {
            builder.Append(Table(6, 150)).Append('\n');
        }

        return builder.ToString();
    }
}
