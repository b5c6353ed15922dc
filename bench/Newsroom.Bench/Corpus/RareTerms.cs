namespace Newsroom.Bench.Corpus;

/// <summary>
/// Words a real archive mentions a handful of times: jargon, small towns, obscure firms. The everyday lexicon is
/// small enough that its tail still shows up in several per cent of articles; each of these is in about 0.7 % of
/// them (measured at 100k), which is what "a rare word" means to search (see bench/.data/search-queries.txt).
/// </summary>
internal static class RareTerms
{
    /// <summary>Each with the article or preposition it takes in a sentence ("la photolithographie", "Quimperlé").</summary>
    public static readonly string[] Jargon =
    [
        "la photolithographie", "la stéganographie", "le microcontrôleur", "l’hyperparamètre", "la cryptanalyse",
        "le multiplexage", "l’orthorectification", "la piézoélectricité", "le tatouage numérique", "la latence résiduelle",
        "le géorepérage", "la dématérialisation fiscale", "l’anonymisation différentielle", "la rétro-ingénierie", "le jumeau numérique",
        "la tokenisation bancaire", "l’interopérabilité sémantique", "le réseau maillé", "la radiomessagerie", "le télépéage",
        "l’holographie", "la domotique", "la biométrie vocale", "le chiffrement homomorphe", "la calligraphie numérique",
        "l’obsolescence logicielle", "la microfluidique", "le spectre hertzien", "la télémédecine rurale", "l’agrivoltaïsme",
        "la ludification", "le maillage bocager", "la sérigraphie", "l’échantillonnage stratifié", "la cartographie sonore",
        "le calcul neuromorphique", "la spintronique", "l’optogénétique", "la thermographie", "le minitel",
        "la lexicométrie", "le moissonnage de données", "la philatélie", "l’œnotourisme", "la marqueterie",
        "le téléchargement différé", "la désintermédiation", "la glottophobie", "le biomimétisme", "l’escrime connectée",
    ];

    public static readonly string[] Towns =
    [
        "Quimperlé", "Saint-Flour", "Ploërmel", "Lannion", "Guéret", "Millau", "Vierzon", "Dole", "Bourg-en-Bresse", "Aurillac",
        "Châteaubriant", "Sarlat", "Mende", "Privas", "Digne-les-Bains", "Bressuire", "Paimpol", "Gérardmer", "Figeac", "Oloron-Sainte-Marie",
        "Fougères", "Montluçon", "Épinal", "Forcalquier", "Lodève", "Saint-Dié-des-Vosges", "Thiers", "Honfleur", "Ussel", "Moûtiers",
    ];

    public static readonly string[] Firms =
    [
        "Kerlabo", "Pixelune", "Datagorn", "Vélocimo", "Brizh Analytics", "Hublotte", "Cigalia", "Quintessia", "Loupiote", "Mistralys",
        "Ferroviz", "Arpentis", "Tramontane Labs", "Girouette", "Bouquinerie Numérique", "Sardinia Tech", "Cévennes Data", "Plumeau", "Galipette", "Ondulys",
        "Zéphyrine", "Parpaing", "Caravelle Pay", "Lutétia Cloud", "Glanum", "Vauban Robotique", "Moufette", "Escargot Logistique", "Baguettia", "Roquefort Systems",
    ];

    public static string Sentence(Rng rng, char apostrophe)
    {
        var text = rng.Next(5) switch
        {
            0 => $"Le dossier évoque aussi {rng.Pick(Jargon)}, un sujet encore confidentiel.",
            1 => $"À {rng.Pick(Towns)}, une expérimentation porte sur {rng.Pick(Jargon)}.",
            2 => $"La jeune pousse {rng.Pick(Firms)} s’y intéresse depuis longtemps.",
            3 => $"{rng.Pick(Firms)}, installée à {rng.Pick(Towns)}, en a fait sa spécialité.",
            _ => $"Un détail a retenu l’attention des spécialistes : {rng.Pick(Jargon)}.",
        };
        return text.Replace(" : ", "\u00A0: ", StringComparison.Ordinal).Replace('’', apostrophe);
    }
}
