using System.Globalization;
using System.Text;

namespace Newsroom.Bench.Corpus;

/// <summary>Titles, standfirsts and Markdown bodies built from <see cref="Sentences"/>.</summary>
internal sealed class ArticleWriter
{
    private readonly Phrases p;
    private readonly Sentences s;

    public ArticleWriter(Rng rng)
    {
        var topic = new Topic(rng);
        // Most of the magazine uses the typographic apostrophe; pasted copy keeps the straight one.
        p = new Phrases(rng, topic, rng.Chance(0.8) ? '’' : '\'');
        s = new Sentences(p);
    }

    private Rng Rng => p.Rng;

    /// <summary>6 to 14 words, as the brief asks; rerolled until it fits (deterministically).</summary>
    public string Title(bool interview)
    {
        for (var attempt = 0; ; attempt++)
        {
            var title = French.Capitalise(interview && Rng.Chance(0.7) ? InterviewTitle() : NewsTitle())
                .Replace(" ?", "\u00A0?", StringComparison.Ordinal).Replace(" : ", "\u00A0: ", StringComparison.Ordinal).Replace('’', p.Apostrophe);
            var words = CountWords(title);
            if (words is >= 6 and <= 14 && title.Length <= 200)
            {
                return title;
            }

            if (attempt > 40 && words > 14)
            {
                // Practically never reached; cutting keeps the bound without looping forever.
                return string.Join(' ', title.Split(' ').Take(14));
            }
        }
    }

    /// <summary>One or two sentences, 20 to 60 words, under the 600 characters the model allows.</summary>
    public string Standfirst()
    {
        for (; ; )
        {
            var text = s.Sentence();
            if (Rng.Chance(0.6))
            {
                text += " " + s.Sentence();
            }

            var words = CountWords(text);
            if (words is >= 20 and <= 60 && text.Length <= 600)
            {
                return text;
            }
        }
    }

    /// <summary>400 to 900 words of Markdown: paragraphs, subheadings, sometimes a list, a quote, a table, a pasted figure.</summary>
    public string Body(string title)
    {
        // Link targets count here but not in the rendered text, so aim inside the bounds with a margin.
        const int MaxWords = 880;
        var target = 420 + Rng.Next(440);
        var body = new StringBuilder(target * 8);
        var words = 0;
        var paragraphs = 0;
        var listDone = !Rng.Chance(0.25);
        var quoteDone = !Rng.Chance(0.3);
        var tableDone = !Rng.Chance(0.04);
        var figureDone = !Rng.Chance(0.06);

        while (words < target)
        {
            if (paragraphs > 0 && paragraphs % (3 + Rng.Next(3)) == 0 && Rng.Chance(0.6))
            {
                body.Append("## ").Append(Subheading()).Append("\n\n");
            }

            var block = (paragraphs, Rng.Next(10)) switch
            {
                ( > 1, 0) when !listDone => List(ref listDone),
                ( > 0, 1) when !quoteDone => BlockQuote(ref quoteDone),
                ( > 2, 2) when !tableDone => Table(ref tableDone),
                ( > 0, 3) when !figureDone => PastedFigure(title, ref figureDone),
                _ => Paragraph(),
            };
            var blockWords = CountWords(block);
            if (words + blockWords > MaxWords)
            {
                // The last block would overshoot: close with a single sentence, or not at all.
                block = s.Sentence();
                blockWords = CountWords(block);
                if (words + blockWords > MaxWords)
                {
                    break;
                }
            }

            body.Append(block).Append("\n\n");
            words += blockWords;
            paragraphs++;
        }

        return body.ToString().TrimEnd() + "\n";
    }

    public static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord && char.IsLetterOrDigit(c))
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    private string NewsTitle()
    {
        var company = p.Company();
        return Rng.Next(9) switch
        {
            0 or 1 => s.Clause(new Subject(company, Gender.Masculine, false, true), Tense.Present),
            2 => $"{p.NounPhrase(p.Topic.Nouns[0], Rng.Chance(0.4), Determiner.Definite, null, p.MaybeAdjective())} : " + s.Clause(p.MakeSubject(), Tense.Present, adjunct: false),
            3 => "Pourquoi " + s.Clause(p.MakeSubject(), Tense.Present, adjunct: false) + " ?",
            4 => $"Comment {company} veut {s.AnyVerb().Infinitive} {p.ObjectPhrase()}",
            5 => $"Faut-il {s.AnyVerb().Infinitive} {p.ObjectPhrase()} ?",
            6 => $"{French.Capitalise(Rng.Pick(Lexicon.Numbers))} {p.AnyNoun().Plural} qui {s.AnyVerb().Conjugate(Tense.Present, true)} {p.ObjectPhrase()}",
            7 => s.Figure(),
            _ => s.Passive(),
        };
    }

    private string InterviewTitle()
    {
        var topic = p.Topic;
        var clause = French.Capitalise(s.Clause(p.MakeSubject(), Tense.Present, adjunct: false));
        return Rng.Chance(0.5)
            ? $"{topic.Speaker.Name} ({topic.SpeakerCompany}) : «\u00A0{clause}\u00A0»"
            : $"«\u00A0{clause}\u00A0», selon {topic.Speaker.Name}";
    }

    private string Subheading()
    {
        var noun = p.AnyNoun();
        var heading = Rng.Next(4) switch
        {
            0 => p.NounPhrase(noun, Rng.Chance(0.4), Determiner.Indefinite, null, p.MaybeAdjective(0.8)),
            1 => p.NounPhrase(noun, Rng.Chance(0.4), Determiner.Definite, null, p.MaybeAdjective(0.5)) + " " + p.TimeAdjunct(),
            2 => $"{p.Company()} face {p.NounPhrase(noun, true, Determiner.Definite, "à")}",
            _ => $"Et {p.NounPhrase(noun, false, Determiner.Definite)}\u00A0?",
        };
        return French.Capitalise(heading);
    }

    private string Paragraph()
    {
        var count = 3 + Rng.Next(4);
        var sentences = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            sentences.Add(s.Sentence());
        }

        if (Rng.Chance(0.04))
        {
            sentences.Insert(Rng.Next(1, sentences.Count), RareTerms.Sentence(Rng, p.Apostrophe));
        }

        // Inline Markdown an editor would use: a bold key phrase, a link to a source or to the archive.
        if (Rng.Chance(0.12))
        {
            sentences.Add($"À retenir\u00A0: **{p.ObjectPhrase()}**.");
        }

        if (Rng.Chance(0.10))
        {
            var company = p.Company();
            var host = Domain.Slug.From(company).Replace("-", "", StringComparison.Ordinal);
            sentences.Add($"Le détail est à lire [sur le site {p.OfCompany(company)}](https://www.{host}.com/newsroom/{Rng.Next(1000, 99999)}).");
        }
        else if (Rng.Chance(0.06))
        {
            var section = Rng.Pick(Catalog.SectionSlugs);
            sentences.Add($"Lire aussi\u00A0: [{p.ObjectPhrase()}](/{section}/{Domain.Slug.From(p.ObjectPhrase())}).");
        }

        return string.Join(' ', sentences);
    }

    private string List(ref bool done)
    {
        done = true;
        var lines = new StringBuilder($"Parmi les principales annonces {p.OfCompany(p.Company())}\u00A0:\n\n");
        var items = 3 + Rng.Next(3);
        for (var i = 0; i < items; i++)
        {
            lines.Append("- **").Append(French.Capitalise(p.ObjectPhrase())).Append("**\u00A0: ").Append(s.Clause(p.MakeSubject(), adjunct: false)).Append(";\n");
        }

        return lines.ToString().TrimEnd('\n', ';') + ".";
    }

    private string BlockQuote(ref bool done)
    {
        done = true;
        return "> " + s.Quote();
    }

    private string Table(ref bool done)
    {
        done = true;
        var rows = new StringBuilder("| Année | Part de marché | Chiffre d’affaires |\n|---|---:|---:|\n".Replace('’', p.Apostrophe));
        var year = 2018 + Rng.Next(4);
        for (var i = 0; i < 4; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"| {year + i} | {p.Percent()} | {p.Money()} |\n");
        }

        return rows.ToString().TrimEnd('\n');
    }

    // Editors paste figures as raw HTML; the sanitiser keeps them, so the derived HTML must contain them too.
    private string PastedFigure(string title, ref bool done)
    {
        done = true;
        var caption = French.Capitalise(p.ObjectPhrase());
        return $"<figure><img src=\"https://images.newsroom.example/illustrations/{Rng.Next(100000)}.jpg\" alt=\"{System.Net.WebUtility.HtmlEncode(title)}\">" +
               $"<figcaption>{System.Net.WebUtility.HtmlEncode(caption)} (photo {System.Net.WebUtility.HtmlEncode(p.Company())})</figcaption></figure>";
    }
}
