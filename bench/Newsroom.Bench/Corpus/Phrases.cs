namespace Newsroom.Bench.Corpus;

internal enum Determiner
{
    Definite,
    Indefinite,
    Possessive,
    Demonstrative,
    Quantity,
}

/// <summary>Something a clause can be about, with what agreement needs: gender, number, and its first sound.</summary>
internal sealed record Subject(string Text, Gender Gender, bool Plural, bool IsProperNoun)
{
    public bool StartsWithVowel => French.StartsWithVowelSound(Text);
}

/// <summary>
/// What one article is about: the few nouns, companies and people it keeps coming back to, so that its title and
/// body share words (as real stories do, which is what makes ranking meaningful).
/// </summary>
internal sealed class Topic
{
    private static readonly Zipf NounRanks = new(Lexicon.Nouns.Count, 0.9);
    private static readonly Zipf CompanyRanks = new(Names.Companies.Length, 1.0);

    public Topic(Rng rng)
    {
        Nouns = [Lexicon.Nouns[NounRanks.Sample(rng)], Lexicon.Nouns[NounRanks.Sample(rng)], Lexicon.Nouns[rng.Next(Lexicon.Nouns.Count)]];
        Companies = [Names.Companies[CompanyRanks.Sample(rng)], Names.Companies[CompanyRanks.Sample(rng)]];
        Adjective = Lexicon.Adjectives[rng.Next(Lexicon.Adjectives.Count)];
        Figure = rng.Chance(0.3) ? rng.Pick(Names.PublicFigures) : null;
        Place = rng.Pick(Names.Places);
        Source = rng.Pick(Names.Sources);
        var (first, gender) = rng.Pick(Names.FirstNames);
        var role = rng.Pick(Names.Roles);
        Speaker = new Person($"{first} {rng.Pick(Names.LastNames)}", gender);
        SpeakerRole = gender == Gender.Feminine ? role.Feminine : role.Masculine;
        SpeakerCompany = rng.Chance(0.7) ? Companies[0] : rng.Pick(Names.Companies);
    }

    public Noun[] Nouns { get; }
    public string[] Companies { get; }
    public Adjective Adjective { get; }
    public Person? Figure { get; }
    public string Place { get; }
    public string Source { get; }
    public Person Speaker { get; }
    public string SpeakerRole { get; }
    public string SpeakerCompany { get; }
}

/// <summary>Noun phrases with French determiners, contractions (du, aux), elisions (l’, d’) and agreement.</summary>
internal sealed class Phrases(Rng rng, Topic topic, char apostrophe)
{
    private static readonly Zipf NounRanks = new(Lexicon.Nouns.Count, 1.0);
    private static readonly Zipf AdjectiveRanks = new(Lexicon.Adjectives.Count, 0.8);

    public Rng Rng => rng;

    public Topic Topic => topic;

    public char Apostrophe => apostrophe;

    /// <summary>A topic noun one time in four, else any noun with common ones favoured.</summary>
    public Noun AnyNoun() => rng.Chance(0.25) ? rng.Pick(topic.Nouns) : NounRanks.Sample(rng, Lexicon.Nouns);

    public Adjective? MaybeAdjective(double probability = 0.45) =>
        rng.Chance(probability) ? (rng.Chance(0.2) ? topic.Adjective : AdjectiveRanks.Sample(rng, Lexicon.Adjectives)) : null;

    public string Company() => rng.Chance(0.65) ? rng.Pick(topic.Companies) : rng.Pick(Names.Companies);

    /// <summary>"de"/"que"/"ne" before a vowel sound lose their e: d’Apple, qu’Orange, n’a.</summary>
    public string Elide(string word, string next) =>
        French.StartsWithVowelSound(next) ? word[..^1] + apostrophe + next : word + " " + next;

    public string OfCompany(string company) => Elide("de", company);

    public string NounPhrase(Noun noun, bool plural, Determiner determiner, string? preposition = null, Adjective? adjective = null)
    {
        string head;
        string first;
        if (adjective is { BeforeNoun: true })
        {
            var form = adjective.Form(noun.Gender, plural, noun.Elides);
            head = form + " " + noun.Form(plural);
            first = form;
        }
        else
        {
            head = adjective is null ? noun.Form(plural) : noun.Form(plural) + " " + adjective.Form(noun.Gender, plural);
            first = noun.Form(plural);
        }

        var vowel = adjective is { BeforeNoun: true } ? French.StartsWithVowelSound(first) : noun.Elides;
        var feminine = noun.Gender == Gender.Feminine;
        var article = determiner switch
        {
            Determiner.Definite => Definite(preposition, plural, feminine, vowel),
            Determiner.Indefinite => Indefinite(preposition, plural, feminine, vowel, adjective is { BeforeNoun: true }),
            Determiner.Possessive => With(preposition, plural ? "ses" : feminine && !vowel ? "sa" : "son"),
            Determiner.Demonstrative => With(preposition, plural ? "ces" : feminine ? "cette" : vowel ? "cet" : "ce"),
            _ when !plural => Indefinite(preposition, plural, feminine, vowel, adjective is { BeforeNoun: true }),
            _ => Quantity(preposition, feminine),
        };
        return article.EndsWith(apostrophe) ? article + head : article + " " + head;
    }

    /// <summary>A noun phrase for the object of a verb, sometimes with a "de" complement ("l’offre d’Orange").</summary>
    public string ObjectPhrase(string? preposition = null)
    {
        var noun = AnyNoun();
        var plural = rng.Chance(0.35);
        var determiner = rng.Next(10) switch
        {
            < 4 => Determiner.Definite,
            < 7 => Determiner.Indefinite,
            < 8 => Determiner.Possessive,
            < 9 => Determiner.Demonstrative,
            _ => Determiner.Quantity,
        };
        if (determiner == Determiner.Quantity)
        {
            plural = true;
        }

        var phrase = NounPhrase(noun, plural, determiner, preposition, MaybeAdjective());
        return rng.Next(10) switch
        {
            < 2 => phrase + " " + OfCompany(Company()),
            < 3 => phrase + " " + NounPhrase(AnyNoun(), rng.Chance(0.5), Determiner.Definite, "de"),
            _ => phrase,
        };
    }

    public Subject MakeSubject()
    {
        switch (rng.Next(20))
        {
            case < 7:
                return new Subject(Company(), Gender.Masculine, false, true);
            case < 8 when topic.Figure is { } figure:
                return new Subject(figure.Name, figure.Gender, false, true);
            case < 10:
                var institution = rng.Pick(Names.Institutions);
                return new Subject(institution.With(null, apostrophe), institution.Gender, false, institution.Article.Length == 0);
            default:
                var noun = AnyNoun();
                var plural = rng.Chance(0.4);
                var adjective = MaybeAdjective(0.35);
                var text = NounPhrase(noun, plural, rng.Chance(0.8) ? Determiner.Definite : Determiner.Demonstrative, null, adjective);
                if (rng.Chance(0.2))
                {
                    text += " " + OfCompany(Company());
                }

                return new Subject(text, noun.Gender, plural, false);
        }
    }

    public string Percent() =>
        rng.Chance(0.5) ? $"{rng.Next(2, 95)}\u202F%" : $"{rng.Next(1, 60)},{rng.Next(1, 10)}\u202F%";

    public string Money()
    {
        var unit = rng.Chance(0.6) ? "millions" : "milliards";
        var currency = rng.Chance(0.8) ? "euros" : "dollars";
        var amount = rng.Chance(0.5) ? $"{rng.Next(2, 900)}" : $"{rng.Next(1, 40)},{rng.Next(1, 10)}";
        return $"{amount} {unit} d{apostrophe}{currency}";
    }

    public string Year() => (2016 + rng.Next(11)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string TimeAdjunct() => rng.Next(12) switch
    {
        0 => "en " + Year(),
        1 => "depuis " + rng.Pick(Lexicon.Months),
        2 => $"au {rng.Pick(Lexicon.Ordinals)} trimestre",
        3 => "cette année",
        4 => $"l{apostrophe}an dernier",
        5 => $"d{apostrophe}ici " + Year(),
        6 => $"le {rng.Next(2, 29)} {rng.Pick(Lexicon.Months)}",
        7 => "dès la rentrée",
        8 => $"d{apostrophe}ici la fin de l{apostrophe}année",
        9 => "à " + (rng.Chance(0.6) ? topic.Place : rng.Pick(Names.Places)),
        10 => "en Europe",
        _ => "sur un an",
    };

    private string Definite(string? preposition, bool plural, bool feminine, bool vowel) => (preposition, plural) switch
    {
        ("de", true) => "des",
        ("à", true) => "aux",
        (_, true) => With(preposition, "les"),
        ("de", false) when !vowel && !feminine => "du",
        ("à", false) when !vowel && !feminine => "au",
        _ => With(preposition, vowel ? "l" + apostrophe : feminine ? "la" : "le"),
    };

    private string Indefinite(string? preposition, bool plural, bool feminine, bool vowel, bool adjectiveFirst)
    {
        if (plural)
        {
            // "de nouveaux outils", and "de" + "des" is just "de": "le prix d’abonnements".
            var article = adjectiveFirst || preposition == "de" ? (vowel ? "d" + apostrophe : "de") : "des";
            return preposition is null or "de" ? article : preposition + " " + article;
        }

        var single = feminine ? "une" : "un";
        return preposition == "de" ? "d" + apostrophe + single : With(preposition, single);
    }

    private string Quantity(string? preposition, bool feminine) => rng.Next(4) switch
    {
        0 => With(preposition, "plusieurs"),
        // "de" + "de nombreux" is just "de nombreux".
        1 => (preposition is null or "de" ? "" : preposition + " ") + (feminine ? "de nombreuses" : "de nombreux"),
        _ => With(preposition, rng.Pick(Lexicon.Numbers)),
    };

    private static string With(string? preposition, string word) => preposition is null ? word : preposition + " " + word;
}
