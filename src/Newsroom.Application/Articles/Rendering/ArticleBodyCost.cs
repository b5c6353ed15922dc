namespace Newsroom.Application.Articles.Rendering;

/// <summary>
/// Bounds what rendering a body may cost, before rendering starts. Markdig and AngleSharp are fast on real articles
/// but some inputs cost them time that grows with the square of their size: unclosed link destinations
/// ("[a](" repeated), runs of emphasis delimiters in one paragraph, deeply nested lists, quotes or HTML elements.
/// One linear pass counts those shapes; the limits are far above what a long investigation needs (hundreds of
/// links, big tables) and far below what makes rendering slow (see bench/README.md, "render").
/// </summary>
public static class ArticleBodyCost
{
    public static readonly ArticleBodyLimit NestingDepth = new("nestingDepth", 8, "levels of nested lists and quotes on one line");
    public static readonly ArticleBodyLimit HtmlDepth = new("htmlDepth", 32, "levels of nested HTML elements");
    public static readonly ArticleBodyLimit ListItemsAndQuotes = new("listItemsAndQuotes", 5_000, "list items and quote markers ('-', '1.', '>' opening a line)");
    public static readonly ArticleBodyLimit HtmlElements = new("htmlElements", 2_000, "HTML tags");
    public static readonly ArticleBodyLimit LinkOpeners = new("linkOpeners", 5_000, "links and link openers ('[')");
    public static readonly ArticleBodyLimit InlineRuns = new("inlineRuns", 5_000, "emphasis and code markers (runs of '*', '_', '~' or '`')");

    // Markdig matches emphasis within one paragraph in time that grows with the square of its markers.
    public static readonly ArticleBodyLimit InlineRunsPerParagraph = new("inlineRunsPerParagraph", 1_000, "emphasis and code markers in one paragraph");
    public static readonly ArticleBodyLimit TableCells = new("tableCells", 10_000, "table cell separators ('|')");
    public static readonly ArticleBodyLimit WordLength = new("wordLength", 4_000, "characters in one word (a run without spaces or line breaks)");

    public static IReadOnlyList<ArticleBodyLimit> All { get; } =
        [NestingDepth, ListItemsAndQuotes, HtmlDepth, HtmlElements, LinkOpeners, InlineRuns, InlineRunsPerParagraph, TableCells, WordLength];

    /// <summary>The first limit the body exceeds, or null when rendering it is cheap. Linear in the body's length.</summary>
    public static ArticleBodyExcess? FindExcess(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var scan = new Scan(markdown);
        return scan.Run();
    }

    private sealed class Scan(string text)
    {
        private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
        {
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        };

        // Elements whose end tag HTML lets writers leave out: a new <li> closes the open one rather than nesting in it.
        private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.OrdinalIgnoreCase)
        {
            "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
        };

        private readonly List<string> openElements = [];
        private int containerMarkers;
        private int htmlElements;
        private int linkOpeners;
        private int inlineRuns;
        private int paragraphInlineRuns;
        private bool lineHasText;
        private int tableCells;
        private int wordLength;
        private bool insideTag; // inside the start tag of the innermost open element

        public ArticleBodyExcess? Run()
        {
            var i = 0;
            var atLineStart = true;
            while (i < text.Length)
            {
                if (atLineStart)
                {
                    atLineStart = false;
                    var depth = ContainerDepth(ref i);
                    if (depth > NestingDepth.Maximum)
                    {
                        return new ArticleBodyExcess(NestingDepth, depth);
                    }

                    if (containerMarkers > ListItemsAndQuotes.Maximum)
                    {
                        return new ArticleBodyExcess(ListItemsAndQuotes, containerMarkers);
                    }

                    continue;
                }

                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    wordLength = 0;
                    if (c == '\n')
                    {
                        // A blank line (or one of quote markers only) ends the paragraph.
                        paragraphInlineRuns = lineHasText ? paragraphInlineRuns : 0;
                        lineHasText = false;
                        atLineStart = true;
                    }

                    i++;
                    continue;
                }

                lineHasText = true;

                if (++wordLength > WordLength.Maximum)
                {
                    return new ArticleBodyExcess(WordLength, wordLength);
                }

                var excess = c switch
                {
                    '[' => Count(ref linkOpeners, LinkOpeners),
                    '|' => Count(ref tableCells, TableCells),
                    '*' or '_' or '~' or '`' => InlineRun(ref i, c),
                    '<' => Tag(ref i),
                    '>' => EndOfTag(),
                    '/' when insideTag && i + 1 < text.Length && text[i + 1] == '>' => SelfClosed(),
                    _ => null,
                };
                if (excess is not null)
                {
                    return excess;
                }

                i++;
            }

            return null;
        }

        // Quote markers and list bullets opening a line, and the indentation before them: "    - " is a third-level item.
        private int ContainerDepth(ref int i)
        {
            var depth = 0;
            var indent = 0;
            var firstMarker = true;
            while (i < text.Length)
            {
                var start = i;
                var spaces = 0;
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    spaces += text[i] == '\t' ? 4 : 1;
                    i++;
                }

                if (i < text.Length && text[i] == '>')
                {
                    i++;
                }
                else if (IsListMarker(ref i))
                {
                }
                else
                {
                    i = start;
                    break;
                }

                if (firstMarker)
                {
                    indent = spaces;
                    firstMarker = false;
                }

                depth++;
                containerMarkers++;
            }

            return depth == 0 ? 0 : depth + indent / 2;
        }

        private bool IsListMarker(ref int i)
        {
            var j = i;
            if (j < text.Length && text[j] is '-' or '*' or '+')
            {
                j++;
            }
            else
            {
                var digits = 0;
                while (j < text.Length && char.IsAsciiDigit(text[j]) && digits < 10)
                {
                    j++;
                    digits++;
                }

                if (digits == 0 || j >= text.Length || text[j] is not ('.' or ')'))
                {
                    return false;
                }

                j++;
            }

            if (j < text.Length && text[j] is not (' ' or '\t'))
            {
                return false;
            }

            i = j;
            return true;
        }

        private static ArticleBodyExcess? Count(ref int counter, ArticleBodyLimit limit) =>
            ++counter > limit.Maximum ? new ArticleBodyExcess(limit, counter) : null;

        // A run of the same marker ("**", "```") is one delimiter to Markdig, so it counts once.
        private ArticleBodyExcess? InlineRun(ref int i, char marker)
        {
            while (i + 1 < text.Length && text[i + 1] == marker)
            {
                i++;
                if (++wordLength > WordLength.Maximum)
                {
                    return new ArticleBodyExcess(WordLength, wordLength);
                }
            }

            return Count(ref inlineRuns, InlineRuns) ?? Count(ref paragraphInlineRuns, InlineRunsPerParagraph);
        }

        private ArticleBodyExcess? Tag(ref int i)
        {
            var closing = i + 1 < text.Length && text[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < text.Length && nameEnd - nameStart < 16 && char.IsAsciiLetterOrDigit(text[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(text[nameStart]))
            {
                return null;
            }

            var name = text[nameStart..nameEnd];
            wordLength += nameEnd - i - 1;
            i = nameEnd - 1;
            if (closing)
            {
                Close(name);
                return null;
            }

            if (++htmlElements > HtmlElements.Maximum)
            {
                return new ArticleBodyExcess(HtmlElements, htmlElements);
            }

            if (VoidElements.Contains(name))
            {
                return null;
            }

            if (SelfClosingSiblings.Contains(name))
            {
                CloseOpenSibling(name);
            }

            openElements.Add(name);
            insideTag = true; // so that "/>" before the next ">" closes this element again
            return openElements.Count > HtmlDepth.Maximum ? new ArticleBodyExcess(HtmlDepth, openElements.Count) : null;
        }

        // "<li>a<li>b" and "<tr><td>a<tr>": the new element closes its open sibling (and the cell inside a row)
        // instead of nesting in it; an element of another name in between ("<li><ul><li>") means real nesting.
        private void CloseOpenSibling(string name)
        {
            var count = openElements.Count;
            if (count > 0 && Is(openElements[count - 1], name))
            {
                openElements.RemoveAt(count - 1);
            }
            else if (count > 1 && Is(openElements[count - 2], name) && Is(name, "tr") && openElements[count - 1] is var cell && (Is(cell, "td") || Is(cell, "th")))
            {
                openElements.RemoveRange(count - 2, 2);
            }
        }

        private static bool Is(string element, string name) => string.Equals(element, name, StringComparison.OrdinalIgnoreCase);

        private ArticleBodyExcess? EndOfTag()
        {
            insideTag = false;
            return null;
        }

        private ArticleBodyExcess? SelfClosed()
        {
            insideTag = false;
            if (openElements.Count > 0)
            {
                openElements.RemoveAt(openElements.Count - 1);
            }

            return null;
        }

        // An end tag closes its element and whatever was left open inside it; a stray one closes nothing.
        private void Close(string name)
        {
            var open = openElements.FindLastIndex(e => string.Equals(e, name, StringComparison.OrdinalIgnoreCase));
            if (open >= 0)
            {
                openElements.RemoveRange(open, openElements.Count - open);
            }
        }
    }
}
