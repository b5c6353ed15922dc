namespace Newsroom.Bench.Corpus;

/// <summary>Clauses and sentences in the house style of a trade magazine: who did what, figures, quotes.</summary>
internal sealed class Sentences(Phrases p)
{
    private static readonly Noun Users = Lexicon.Nouns.First(n => n.Singular == "utilisateur");
    private static readonly Noun Investors = Lexicon.Nouns.First(n => n.Singular == "investisseur");
    private static readonly Zipf VerbRanks = new(Lexicon.TransitiveVerbs.Count, 0.8);
    private static readonly string[] Media =
        ["Les Échos", "Le Monde", "Le Figaro", "L’Usine digitale", "Libération", "The Verge", "Bloomberg", "Le Parisien", "BFM Business", "L’Opinion"];

    private Rng Rng => p.Rng;

    public Verb AnyVerb() => VerbRanks.Sample(Rng, Lexicon.TransitiveVerbs);

    /// <summary>Subject, verb in some tense (maybe negated, maybe with an adverb), object, maybe a time or place.</summary>
    public string Clause(Subject subject, Tense? tense = null, bool adjunct = true)
    {
        var verb = AnyVerb();
        tense ??= Rng.Next(20) switch { < 9 => Tense.Present, < 15 => Tense.PasseCompose, < 17 => Tense.Futur, < 19 => Tense.Imparfait, _ => Tense.Conditionnel };
        var adverb = Rng.Chance(0.15) ? Rng.Pick(Lexicon.Adverbs) : null;
        var negated = Rng.Chance(0.06);
        string phrase;
        if (tense == Tense.PasseCompose)
        {
            var auxiliary = Verb.Avoir.Conjugate(Tense.Present, subject.Plural);
            phrase = (negated ? p.Elide("ne", auxiliary) + " pas" : auxiliary) + (adverb is null ? "" : " " + adverb) + " " + verb.Participle;
        }
        else
        {
            var form = verb.Conjugate(tense.Value, subject.Plural);
            phrase = (negated ? p.Elide("ne", form) + " pas" : form) + (adverb is null ? "" : " " + adverb);
        }

        var clause = subject.Text + " " + phrase + " " + p.ObjectPhrase();
        return adjunct && Rng.Chance(0.35) ? clause + " " + p.TimeAdjunct() : clause;
    }

    public string Sentence()
    {
        var kind = Rng.Next(100);
        var sentence = kind switch
        {
            < 30 => Clause(p.MakeSubject()) + ".",
            < 40 => Rng.Pick(Lexicon.Connectors) + ", " + Clause(p.MakeSubject()) + ".",
            < 47 => $"Selon {Source()}, " + Clause(p.MakeSubject()) + ".",
            < 56 => Quote(),
            < 65 => Figure() + ".",
            < 71 => Passive() + ".",
            < 76 => $"En {AnyVerb().PresentParticiple} {p.ObjectPhrase()}, " + Clause(p.MakeSubject(), adjunct: false) + ".",
            < 81 => $"Pour {AnyVerb().Infinitive} {p.ObjectPhrase()}, " + Clause(p.MakeSubject(), adjunct: false) + ".",
            < 88 => Clause(p.MakeSubject(), adjunct: false) + $", ce qui {AnyVerb().Conjugate(Tense.Present, false)} {p.ObjectPhrase()}.",
            < 94 => Clause(p.MakeSubject(), adjunct: false) + ", mais " + Clause(p.MakeSubject()) + ".",
            < 97 => $"Faut-il {AnyVerb().Infinitive} {p.ObjectPhrase()} ?",
            _ => Clause(p.MakeSubject(), Tense.Futur, adjunct: false) + " ?",
        };
        return French.Capitalise(sentence.Replace(" ?", "\u00A0?", StringComparison.Ordinal)).Replace('’', p.Apostrophe);
    }

    /// <summary>« … », explique Claire Dubois, directrice marketing de Qonto. Or reported speech with "que".</summary>
    public string Quote()
    {
        var topic = p.Topic;
        var who = Rng.Chance(0.25) && topic.Figure is { } figure
            ? figure.Name
            : $"{topic.Speaker.Name}, {topic.SpeakerRole.Replace('’', p.Apostrophe)} {p.OfCompany(topic.SpeakerCompany)},";
        var saying = Rng.Pick(Lexicon.SayingVerbs);
        var inner = French.Capitalise(Clause(p.MakeSubject(), adjunct: Rng.Chance(0.5)));
        if (Rng.Chance(0.7))
        {
            var tense = Rng.Chance(0.8) ? Tense.Present : Tense.PasseCompose;
            return $"«\u00A0{inner}\u00A0», {saying.Conjugate(tense, false)} {who.TrimEnd(',')}.";
        }

        return $"{who} {saying.Conjugate(Tense.Present, false)} " + p.Elide("que", Clause(p.MakeSubject())) + ".";
    }

    /// <summary>Numbers, the backbone of a trade story: shares, growth, amounts.</summary>
    public string Figure()
    {
        var noun = p.AnyNoun();
        return Rng.Next(7) switch
        {
            0 => $"le nombre {p.Elide("de", noun.Plural)} {Rng.Pick(Moves)} de {p.Percent()} {p.TimeAdjunct()}",
            1 => $"la part de marché {p.OfCompany(p.Company())} atteint {p.Percent()} {p.TimeAdjunct()}",
            2 => $"le chiffre d{p.Apostrophe}affaires {p.OfCompany(p.Company())} {Rng.Pick(Amounts).Replace('’', p.Apostrophe)} {p.Money()} {p.TimeAdjunct()}",
            3 => $"{p.Company()} revendique {Rng.Next(2, 95)} millions {p.Elide("de", Users.Plural)}",
            4 => $"{p.Percent()} des {noun.Plural} {AnyVerb().Conjugate(Tense.Present, true)} {p.ObjectPhrase()}",
            5 => $"{p.NounPhrase(noun, false, Determiner.Definite)} {Rng.Pick(Moves)} de {p.Percent()} en un an",
            _ => $"{p.Company()} a levé {p.Money()} auprès {p.NounPhrase(Investors, true, Determiner.Definite, "de")}",
        };
    }

    /// <summary>Passive voice with agreement: « la nouvelle offre a été lancée par Orange ».</summary>
    public string Passive()
    {
        var noun = p.AnyNoun();
        var plural = Rng.Chance(0.4);
        var subject = p.NounPhrase(noun, plural, Rng.Chance(0.7) ? Determiner.Definite : Determiner.Demonstrative, null, p.MaybeAdjective(0.3));
        var verb = AnyVerb();
        var auxiliary = Rng.Chance(0.5)
            ? Verb.Etre.Conjugate(Tense.Present, plural)
            : Verb.Avoir.Conjugate(Tense.Present, plural) + " été";
        return $"{subject} {auxiliary} {verb.ParticipleFor(noun.Gender, plural)} par {p.Company()}";
    }

    /// <summary>"Les Échos", "Médiamétrie" or "la CNIL": who a figure or a claim comes from.</summary>
    public string Source() => Rng.Next(4) switch
    {
        0 => $"*{Rng.Pick(Media)}*".Replace('’', p.Apostrophe),
        1 => Rng.Pick(Names.Institutions).With(null, p.Apostrophe),
        _ => p.Topic.Source.Replace('’', p.Apostrophe),
    };

    private static readonly string[] Moves = ["a progressé", "a reculé", "a bondi", "a chuté", "augmente", "recule", "progresse", "a grimpé"];

    private static readonly string[] Amounts = ["atteint", "s’élève à", "dépasse", "a frôlé", "a dépassé", "approche"];
}
