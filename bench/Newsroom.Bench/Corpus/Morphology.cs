namespace Newsroom.Bench.Corpus;

internal enum Gender
{
    Masculine,
    Feminine,
}

internal enum Tense
{
    Present,
    PasseCompose,
    Imparfait,
    Futur,
    Conditionnel,
}

/// <summary>Spelling facts French grammar keys on: a vowel sound at the start elides "le", "de", "que".</summary>
internal static class French
{
    public static bool StartsWithVowelSound(string word) =>
        word.Length > 0 && char.ToLowerInvariant(word[0]) is 'a' or 'à' or 'â' or 'e' or 'é' or 'è' or 'ê' or 'ë' or 'i' or 'î' or 'ï'
            or 'o' or 'ô' or 'u' or 'ù' or 'û' or 'h' or 'œ';

    public static string Capitalise(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : string.Create(text.Length, text, static (span, t) =>
        {
            t.AsSpan().CopyTo(span);
            span[0] = char.ToUpperInvariant(t[0]);
        });
}

/// <summary>A common noun with its gender and plural; an aspirated h ("la hausse") blocks elision.</summary>
internal sealed record Noun(string Singular, string Plural, Gender Gender, bool AspiratedH)
{
    public string Form(bool plural) => plural ? Plural : Singular;

    public bool Elides => !AspiratedH && French.StartsWithVowelSound(Singular);

    /// <summary>"marché:m", "réseau:m" (plural réseaux by rule), "œil:m:yeux", "hausse:f!" (aspirated h).</summary>
    public static Noun Parse(string spec)
    {
        var parts = spec.Split(':');
        var word = parts[0];
        var aspirated = parts[1].EndsWith('!');
        var gender = parts[1].TrimEnd('!') == "f" ? Gender.Feminine : Gender.Masculine;
        var plural = parts.Length > 2 ? parts[2] : PluralOf(word);
        return new Noun(word, plural, gender, aspirated);
    }

    private static string PluralOf(string word)
    {
        if (word.Contains(' ', StringComparison.Ordinal))
        {
            // "mise à jour" → "mises à jour": the head noun takes the mark.
            var space = word.IndexOf(' ', StringComparison.Ordinal);
            return PluralOf(word[..space]) + word[space..];
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z'))
        {
            return word;
        }

        if (word.EndsWith("al", StringComparison.Ordinal) && word is not ("festival" or "bal" or "carnaval"))
        {
            return word[..^2] + "aux";
        }

        if (word.EndsWith("ail", StringComparison.Ordinal) && word is "travail" or "vitrail")
        {
            return word[..^3] + "aux";
        }

        return word.EndsWith("eau", StringComparison.Ordinal) || word.EndsWith("au", StringComparison.Ordinal) || word.EndsWith("eu", StringComparison.Ordinal) && word != "pneu"
            ? word + "x"
            : word + "s";
    }
}

/// <summary>An adjective's four forms (and "nouvel", "bel" before a vowel); some go before the noun.</summary>
internal sealed record Adjective(string Ms, string Fs, string Mp, string Fp, string? MsBeforeVowel, bool BeforeNoun)
{
    public string Form(Gender gender, bool plural, bool nextIsVowel = false) => (gender, plural) switch
    {
        (Gender.Masculine, false) => nextIsVowel && MsBeforeVowel is not null ? MsBeforeVowel : Ms,
        (Gender.Feminine, false) => Fs,
        (Gender.Masculine, true) => Mp,
        _ => Fp,
    };

    /// <summary>"numérique", "^grand" (before the noun), "nouveau|nouvelle|nouveaux|nouvelles|nouvel" (explicit forms).</summary>
    public static Adjective Parse(string spec)
    {
        var before = spec.StartsWith('^');
        spec = spec.TrimStart('^');
        if (spec.Contains('|', StringComparison.Ordinal))
        {
            var f = spec.Split('|');
            return new Adjective(f[0], f[1], f[2], f[3], f.Length > 4 ? f[4] : null, before);
        }

        var (fs, mp) = Inflect(spec);
        var fp = fs + "s";
        return new Adjective(spec, fs, mp, fp, null, before);
    }

    private static (string Feminine, string MasculinePlural) Inflect(string m)
    {
        static string Plural(string w) => w.EndsWith('s') || w.EndsWith('x') ? w : w + "s";

        if (m.EndsWith('e'))
        {
            return (m, Plural(m));
        }

        if (m.EndsWith("eux", StringComparison.Ordinal))
        {
            return (m[..^1] + "se", m);
        }

        if (m.EndsWith("if", StringComparison.Ordinal))
        {
            return (m[..^1] + "ve", m + "s");
        }

        if (m.EndsWith("el", StringComparison.Ordinal) || m.EndsWith("en", StringComparison.Ordinal) || m.EndsWith("on", StringComparison.Ordinal))
        {
            return (m + m[^1] + "e", m + "s");
        }

        if (m.EndsWith("er", StringComparison.Ordinal))
        {
            return (m[..^2] + "ère", m + "s");
        }

        if (m.EndsWith("al", StringComparison.Ordinal))
        {
            return (m + "e", m[..^2] + "aux");
        }

        return (m + "e", Plural(m));
    }
}

/// <summary>
/// A verb conjugated in the third person, the only one a news story needs, with the spelling changes of the first
/// group (lançait, mangeait, achète, préfère, déploie) and irregular verbs given by their principal parts.
/// </summary>
internal sealed class Verb
{
    private Verb(string infinitive, string present3S, string present3P, string imperfectStem, string futureStem, string participle, string presentParticiple)
    {
        Infinitive = infinitive;
        Present3S = present3S;
        Present3P = present3P;
        ImperfectStem = imperfectStem;
        FutureStem = futureStem;
        Participle = participle;
        PresentParticiple = presentParticiple;
    }

    public string Infinitive { get; }
    public string Present3S { get; }
    public string Present3P { get; }
    public string ImperfectStem { get; }
    public string FutureStem { get; }
    public string Participle { get; }
    public string PresentParticiple { get; }

    public static readonly Verb Avoir = Parse("avoir|a|ont|av|aur|eu");
    public static readonly Verb Etre = Parse("être|est|sont|ét|ser|été");

    /// <summary>Finite form for a third-person subject, singular or plural.</summary>
    public string Conjugate(Tense tense, bool plural) => tense switch
    {
        Tense.Present => plural ? Present3P : Present3S,
        Tense.Imparfait => ImperfectStem + (plural ? "aient" : "ait"),
        Tense.Futur => FutureStem + (plural ? "ont" : "a"),
        Tense.Conditionnel => FutureStem + (plural ? "aient" : "ait"),
        _ => Avoir.Conjugate(Tense.Present, plural) + " " + Participle,
    };

    /// <summary>The past participle agreeing with a noun (passive voice, adjective use).</summary>
    public string ParticipleFor(Gender gender, bool plural)
    {
        var p = Participle;
        var feminine = gender == Gender.Feminine;
        if (p.EndsWith('s') && !feminine)
        {
            return p; // pris, mis: invariable in the masculine
        }

        return p + (feminine ? "e" : string.Empty) + (plural ? "s" : string.Empty);
    }

    /// <summary>
    /// "lancer" (first group), "finir:2" (second group), or the principal parts of an irregular verb:
    /// "prendre|prend|prennent|pren|prendr|pris" (infinitive, il, ils, imperfect stem, future stem, participle).
    /// </summary>
    public static Verb Parse(string spec)
    {
        if (spec.Contains('|', StringComparison.Ordinal))
        {
            var f = spec.Split('|');
            return new Verb(f[0], f[1], f[2], f[3], f[4], f[5], f[3] + "ant");
        }

        if (spec.EndsWith(":2", StringComparison.Ordinal))
        {
            var inf = spec[..^2];
            var stem = inf[..^2];
            return new Verb(inf, stem + "it", stem + "issent", stem + "iss", inf, stem + "i", stem + "issant");
        }

        return FirstGroup(spec);
    }

    private static Verb FirstGroup(string infinitive)
    {
        var stem = infinitive[..^2];
        // Before a and o: c → ç (lançait), g → ge (mangeait).
        var softStem = stem.EndsWith('c') ? stem[..^1] + "ç" : stem.EndsWith('g') ? stem + "e" : stem;
        // Before a silent e: y → i (déploie), e/é of the last syllable → è (achète, préfère).
        var muteStem = stem;
        if (stem.EndsWith("oy", StringComparison.Ordinal) || stem.EndsWith("uy", StringComparison.Ordinal))
        {
            muteStem = stem[..^1] + "i";
        }
        else
        {
            var vowel = LastSyllableVowel(stem);
            if (vowel >= 0 && stem[vowel] is 'e' or 'é')
            {
                muteStem = string.Concat(stem.AsSpan(0, vowel), "è", stem.AsSpan(vowel + 1));
            }
        }

        // The future keeps é (préférera) but takes è for a plain e (achètera) and i for y (déploiera).
        var futureStem = (muteStem != stem && (stem.EndsWith('y') || stem[LastSyllableVowel(stem)] == 'e') ? muteStem : stem) + "er";
        return new Verb(infinitive, muteStem + "e", muteStem + "ent", softStem, futureStem, stem + "é", softStem + "ant");
    }

    // The vowel before the stem's final consonant(s), when the stem ends in one or two consonants ("achet" → the e).
    private static int LastSyllableVowel(string stem)
    {
        var i = stem.Length - 1;
        var consonants = 0;
        while (i >= 0 && !IsVowel(stem[i]))
        {
            consonants++;
            i--;
        }

        if (consonants is 0 or > 2 || i <= 0 || IsVowel(stem[i - 1]))
        {
            return -1; // ends in a vowel, or a diphthong ("jou", "aim"): no change
        }

        // "tr", "pl"… after e keep the e silent-free: "pénétrer" → pénètre still holds, so only exclude pairs
        // that are not a single consonant sound when the vowel is a plain e ("respecter", "tester").
        if (consonants == 2 && stem[i] == 'e' && !(stem[^1] is 'r' or 'l'))
        {
            return -1;
        }

        return i;
    }

    private static bool IsVowel(char c) => "aeiouyéèêàâîïôûù".Contains(c, StringComparison.Ordinal);
}
