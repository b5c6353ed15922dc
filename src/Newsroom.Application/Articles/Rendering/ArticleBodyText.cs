using System.Text;
using AngleSharp.Dom;

namespace Newsroom.Application.Articles.Rendering;

/// <summary>
/// The readable text of a sanitised article body, laid out so an excerpt, a feed item or a search
/// snippet still reads as paragraphs: blocks on their own lines, paragraphs apart by a blank line.
/// </summary>
internal static class ArticleBodyText
{
    private const int NoBreak = 0;
    private const int LineBreak = 1;
    private const int ParagraphBreak = 2;

    public static string Extract(IElement root)
    {
        var writer = new Writer();

        // Iterative on purpose: nested blockquotes or lists in hostile input must not overflow the stack.
        var pending = new Stack<(INode Node, bool Leaving)>();
        PushChildren(pending, root);

        while (pending.TryPop(out var item))
        {
            if (item.Node is IText textNode)
            {
                writer.Text(textNode.Data);
                continue;
            }

            if (item.Node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            if (item.Leaving)
            {
                writer.Leave(name);
                continue;
            }

            writer.Enter(name);
            pending.Push((element, true));
            PushChildren(pending, element);
        }

        return Tidy(writer.ToString());
    }

    /// <summary>
    /// Whitespace-separated tokens holding at least one letter or digit, so the guillemets and dashes
    /// French typography sets apart with spaces do not count as words.
    /// </summary>
    public static int CountWords(string text)
    {
        var words = 0;
        var inToken = false;
        var tokenHasWordCharacter = false;

        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inToken && tokenHasWordCharacter)
                {
                    words++;
                }

                inToken = false;
                tokenHasWordCharacter = false;
                continue;
            }

            inToken = true;
            tokenHasWordCharacter |= char.IsLetterOrDigit(c);
        }

        return inToken && tokenHasWordCharacter ? words + 1 : words;
    }

    // By index: AngleSharp answers PreviousSibling by searching the parent's child list, which made wide
    // paragraphs (thousands of emphasised words) quadratic.
    private static void PushChildren(Stack<(INode, bool)> pending, INode parent)
    {
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            pending.Push((children[i], false));
        }
    }

    private static int BreakAround(string element) => element switch
    {
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "ul" or "ol"
            or "table" or "figure" or "hr" => ParagraphBreak,
        "li" or "tr" or "figcaption" or "br" or "thead" or "tbody" => LineBreak,
        _ => NoBreak,
    };

    // Collapses spaces inside each line and keeps at most one blank line between blocks; code in
    // <pre> keeps its line structure, which is all a plain-text reader needs from it.
    private static string Tidy(string raw)
    {
        var lines = raw.Split('\n');
        var tidy = new StringBuilder(raw.Length);
        var blankLinePending = false;

        foreach (var line in lines)
        {
            var collapsed = CollapseWhitespace(line).Trim();
            if (collapsed.Length == 0)
            {
                blankLinePending = tidy.Length > 0;
                continue;
            }

            if (tidy.Length > 0)
            {
                tidy.Append(blankLinePending ? "\n\n" : "\n");
            }

            tidy.Append(collapsed);
            blankLinePending = false;
        }

        return tidy.ToString();
    }

    // A run of plain spaces becomes one space, but a lone no-break space stays: French sets one
    // before « : ; ! ? » and an excerpt that breaks a line there looks like a typo.
    private static string CollapseWhitespace(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var i = 0;

        while (i < text.Length)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                collapsed.Append(text[i++]);
                continue;
            }

            var first = text[i];
            var onlyNoBreakSpaces = true;
            for (; i < text.Length && char.IsWhiteSpace(text[i]); i++)
            {
                onlyNoBreakSpaces &= IsNoBreakSpace(text[i]);
            }

            collapsed.Append(onlyNoBreakSpaces ? first : ' ');
        }

        return collapsed.ToString();
    }

    private static bool IsNoBreakSpace(char c) => c is '\u00A0' or '\u202F' or '\u2007';

    private sealed class Writer
    {
        private readonly StringBuilder output = new();
        private int pendingBreak;
        private int preformattedDepth;

        public void Enter(string element)
        {
            RequestBreak(BreakAround(element));
            if (element == "pre")
            {
                preformattedDepth++;
            }
        }

        public void Leave(string element)
        {
            if (element == "pre")
            {
                preformattedDepth--;
            }

            // Table cells would otherwise run into each other: "Prix" and "499 €" must not read "Prix499 €".
            if (element is "td" or "th")
            {
                Text(" ");
            }

            RequestBreak(BreakAround(element));
        }

        public void Text(string text)
        {
            if (preformattedDepth == 0)
            {
                // Outside <pre> a line break in the source is just a space, as a browser shows it.
                text = text.Replace('\r', ' ').Replace('\n', ' ');
                if (pendingBreak > NoBreak)
                {
                    // Whitespace between blocks is already expressed by the break itself.
                    text = text.TrimStart();
                }
            }

            if (text.Length == 0)
            {
                return;
            }

            if (pendingBreak > NoBreak && output.Length > 0)
            {
                output.Append('\n', pendingBreak);
            }

            pendingBreak = NoBreak;
            output.Append(text.Replace("\r\n", "\n").Replace('\r', '\n'));
        }

        public override string ToString() => output.ToString();

        private void RequestBreak(int strength) => pendingBreak = Math.Max(pendingBreak, strength);
    }
}
