namespace Newsroom.Bench.Corpus;

/// <summary>A person who can be quoted: "Claire Dubois, directrice marketing de Qonto".</summary>
internal sealed record Person(string Name, Gender Gender);

/// <summary>An institution named with its article: "la CNIL", "l’Arcom", "le Conseil d’État".</summary>
internal sealed record Institution(string Article, string Name, Gender Gender)
{
    /// <summary>With "de" or "à" contracted as French does: "du Conseil d’État", "à l’Arcom", "de la CNIL".</summary>
    public string With(string? preposition, char apostrophe)
    {
        var article = Article.Replace('’', apostrophe);
        var name = Name.Replace('’', apostrophe);
        if (article.Length == 0)
        {
            return preposition switch
            {
                null => name,
                "de" when French.StartsWithVowelSound(name) => "d" + apostrophe + name,
                _ => preposition + " " + name,
            };
        }

        return (preposition, article) switch
        {
            (null, "l’" or "l'") => article + name,
            (null, _) => article + " " + name,
            ("de", "le") => "du " + name,
            ("à", "le") => "au " + name,
            (_, "l’" or "l'") => preposition + " " + article + name,
            _ => preposition + " " + article + " " + name,
        };
    }
}

/// <summary>Proper nouns: companies, people, places and institutions the magazine writes about.</summary>
internal static class Names
{
    public static readonly string[] Companies =
    [
        "Apple", "Google", "Meta", "Orange", "Samsung", "Amazon", "TikTok", "Free", "SFR", "Bouygues Telecom",
        "Microsoft", "OpenAI", "Netflix", "Spotify", "Xiaomi", "Snapchat", "LinkedIn", "Criteo", "Deezer", "Ubisoft",
        "Qualcomm", "Nvidia", "Huawei", "Leboncoin", "Vinted", "Doctolib", "Qonto", "BlaBlaCar", "Mistral AI", "Dailymotion",
        "Fnac Darty", "Carrefour", "Decathlon", "La Poste", "SNCF Connect", "Renault", "Stellantis", "Capgemini", "OVHcloud", "Iliad",
        "Cdiscount", "Back Market", "Lydia", "Sorare", "Alan", "Contentsquare", "Ledger", "Believe", "Deliveroo", "Uber",
        "Airbnb", "Booking", "Shopify", "Pinterest", "Reddit", "Discord", "Twitch", "YouTube", "Instagram", "WhatsApp",
        "Telegram", "Signal", "Zalando", "Shein", "Temu", "AliExpress", "Alibaba", "Tencent", "ByteDance", "Sony",
        "Nintendo", "Epic Games", "Valve", "Salesforce", "Adobe", "Canva", "Figma", "Stripe", "PayPal", "Klarna",
        "Revolut", "N26", "Boursorama", "Ornikar", "Swile", "Malt", "Welcome to the Jungle", "ManoMano", "Veepee", "Blablalines",
    ];

    public static readonly Person[] PublicFigures =
    [
        new("Tim Cook", Gender.Masculine), new("Sundar Pichai", Gender.Masculine), new("Mark Zuckerberg", Gender.Masculine),
        new("Xavier Niel", Gender.Masculine), new("Christel Heydemann", Gender.Feminine), new("Satya Nadella", Gender.Masculine),
        new("Sam Altman", Gender.Masculine), new("Arthur Mensch", Gender.Masculine), new("Elon Musk", Gender.Masculine),
        new("Jensen Huang", Gender.Masculine), new("Susan Wojcicki", Gender.Feminine), new("Linda Yaccarino", Gender.Feminine),
        new("Clara Chappaz", Gender.Feminine), new("Margrethe Vestager", Gender.Feminine), new("Thierry Breton", Gender.Masculine),
        new("Laure de La Raudière", Gender.Feminine), new("Marie-Laure Denis", Gender.Feminine), new("Stanislas de Bentzmann", Gender.Masculine),
        new("Frédéric Mazzella", Gender.Masculine), new("Stanislas Niox-Chateau", Gender.Masculine), new("Alexandre Prot", Gender.Masculine),
        new("Jean-Charles Samuelian", Gender.Masculine), new("Guillaume Pepy", Gender.Masculine), new("Delphine Ernotte", Gender.Feminine),
    ];

    public static readonly Institution[] Institutions =
    [
        new("la", "CNIL", Gender.Feminine), new("l’", "Arcep", Gender.Feminine), new("l’", "Arcom", Gender.Feminine),
        new("la", "Commission européenne", Gender.Feminine), new("l’", "Autorité de la concurrence", Gender.Feminine),
        new("le", "Conseil d’État", Gender.Masculine), new("le", "gouvernement", Gender.Masculine), new("", "Bercy", Gender.Masculine),
        new("le", "Parlement européen", Gender.Masculine), new("la", "DGCCRF", Gender.Feminine), new("l’", "Insee", Gender.Masculine),
        new("la", "Fédération française des télécoms", Gender.Feminine), new("le", "Syndicat des régies internet", Gender.Masculine),
        new("la", "Fevad", Gender.Feminine), new("l’", "Union des marques", Gender.Feminine), new("la", "Banque de France", Gender.Feminine),
        new("la", "Cour de justice de l’Union européenne", Gender.Feminine), new("le", "Sénat", Gender.Masculine),
    ];

    /// <summary>Research firms that publish the figures quoted in stories ("selon Médiamétrie").</summary>
    public static readonly string[] Sources =
    [
        "Médiamétrie", "Kantar", "Ipsos", "Gartner", "IDC", "Counterpoint", "Statista", "eMarketer", "l’Arcep", "Xerfi",
        "le Crédoc", "Deloitte", "PwC", "Comscore", "App Annie", "Sensor Tower", "l’Insee", "Harris Interactive", "OpinionWay", "l’Ifop",
    ];

    public static readonly string[] Places =
    [
        "Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Toulouse", "Nantes", "Rennes", "Strasbourg", "Montpellier",
        "Nice", "Grenoble", "Bruxelles", "Genève", "Montréal", "Berlin", "Londres", "Madrid", "Barcelone", "Milan",
        "Amsterdam", "Stockholm", "New York", "San Francisco", "Austin", "Pékin", "Shanghai", "Shenzhen", "Séoul", "Tokyo",
        "Singapour", "Bangalore", "Dubaï", "Lagos", "Nairobi", "Dakar", "Abidjan", "Casablanca", "Tunis", "Saint-Étienne",
    ];

    public static readonly (string Name, Gender Gender)[] FirstNames =
    [
        ("Claire", Gender.Feminine), ("Julien", Gender.Masculine), ("Sophie", Gender.Feminine), ("Thomas", Gender.Masculine),
        ("Camille", Gender.Feminine), ("Nicolas", Gender.Masculine), ("Élodie", Gender.Feminine), ("Mathieu", Gender.Masculine),
        ("Inès", Gender.Feminine), ("Karim", Gender.Masculine), ("Léa", Gender.Feminine), ("Antoine", Gender.Masculine),
        ("Manon", Gender.Feminine), ("Hugo", Gender.Masculine), ("Aurélie", Gender.Feminine), ("Benoît", Gender.Masculine),
        ("Chloé", Gender.Feminine), ("François", Gender.Masculine), ("Nadia", Gender.Feminine), ("Rémi", Gender.Masculine),
        ("Anaïs", Gender.Feminine), ("Grégoire", Gender.Masculine), ("Hélène", Gender.Feminine), ("Loïc", Gender.Masculine),
        ("Maëlle", Gender.Feminine), ("Jérôme", Gender.Masculine), ("Zoé", Gender.Feminine), ("Stéphane", Gender.Masculine),
        ("Amélie", Gender.Feminine), ("Cédric", Gender.Masculine), ("Fatou", Gender.Feminine), ("Mehdi", Gender.Masculine),
    ];

    public static readonly string[] LastNames =
    [
        "Dubois", "Martin", "Lefèvre", "Moreau", "Garnier", "Fournier", "Mercier", "Rousseau", "Lemaître", "Benali",
        "Nguyen", "Faure", "Chevalier", "Giraud", "Lambert", "Bonnet", "Perrin", "Marchand", "Duval", "Hoarau",
        "Le Goff", "Kerjean", "Brunet", "Roux", "Caron", "Diallo", "Haddad", "Lacroix", "Gauthier", "Bérenger",
        "Château", "Œuvray", "Besnard", "Ménard", "Prévost", "Huet", "Étienne", "Barbier", "Leroy", "Aubert",
    ];

    /// <summary>Job titles, masculine then feminine.</summary>
    public static readonly (string Masculine, string Feminine)[] Roles =
    [
        ("directeur marketing", "directrice marketing"), ("directeur général", "directrice générale"),
        ("fondateur", "fondatrice"), ("cofondateur", "cofondatrice"), ("responsable produit", "responsable produit"),
        ("analyste", "analyste"), ("consultant", "consultante"), ("directeur de la stratégie", "directrice de la stratégie"),
        ("chercheur", "chercheuse"), ("porte-parole", "porte-parole"), ("président", "présidente"),
        ("directeur de l’innovation", "directrice de l’innovation"), ("responsable des données", "responsable des données"),
        ("directeur commercial", "directrice commerciale"), ("économiste", "économiste"), ("avocat spécialisé", "avocate spécialisée"),
    ];
}
