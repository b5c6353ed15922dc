namespace Newsroom.Bench.Corpus;

/// <summary>
/// The words of a magazine about mobile, marketing and tech, written for this kit (no download). Lists are in
/// rough order of frequency: <see cref="Zipf"/> draws from the front far more often than from the tail, so search
/// has very common words ("marché") and rare ones ("manœuvre") as a real archive does.
/// </summary>
internal static class Lexicon
{
    public static readonly IReadOnlyList<Noun> Nouns = Parse(Noun.Parse,
        "marché:m", "entreprise:f", "application:f", "utilisateur:m", "service:m", "plateforme:f", "donnée:f", "réseau:m",
        "marque:f", "client:m", "offre:f", "stratégie:f", "publicité:f", "smartphone:m", "opérateur:m", "annonceur:m",
        "groupe:m", "secteur:m", "projet:m", "contenu:m", "consommateur:m", "outil:m", "année:f", "équipe:f",
        "croissance:f", "solution:f", "modèle:m", "campagne:f", "chiffre d’affaires:m:chiffres d’affaires", "éditeur:m",
        "usage:m", "abonné:m", "vidéo:f", "audience:f", "paiement:m", "intelligence:f", "mois:m", "fonctionnalité:f",
        "site:m", "public:m", "média:m", "achat:m", "vente:f", "investissement:m", "start-up:f", "dirigeant:m",
        "écran:m", "magasin:m", "expérience:f", "commerce:m", "produit:m", "emploi:m", "développeur:m", "étude:f",
        "tendance:f", "sécurité:f", "trimestre:m", "partenariat:m", "lancement:m", "mesure:f", "part:f", "hausse:f!",
        "baisse:f", "concurrent:m", "acteur:m", "version:f", "format:m", "recherche:f", "moteur:m", "algorithme:m",
        "abonnement:m", "forfait:m", "antenne:f", "couverture:f", "débit:m", "fibre:f", "appareil:m", "batterie:f",
        "processeur:m", "puce:f", "capteur:m", "objet:m", "montre:f", "tablette:f", "casque:m", "navigateur:m",
        "interface:f", "message:m", "messagerie:f", "notification:f", "compte:m", "profil:m", "créateur:m", "influenceur:m",
        "agence:f", "budget:m", "dépense:f", "retour:m", "performance:f", "conversion:f", "clic:m", "visite:f",
        "trafic:m", "page:f", "lecteur:m", "rédaction:f", "presse:f", "journal:m", "télévision:f", "radio:f",
        "podcast:m", "musique:f", "jeu:m", "joueur:m", "console:f", "film:m", "série:f", "streaming:m",
        "enquête:f", "sondage:m", "baromètre:m", "habitude:f", "comportement:m", "génération:f", "jeune:m", "famille:f",
        "pays:m", "territoire:m", "ville:f", "région:f", "industrie:f", "banque:f", "assurance:f", "santé:f",
        "éducation:f", "transport:m", "mobilité:f", "voiture:f", "énergie:f", "résultat:m", "bénéfice:m", "perte:f",
        "revenu:m", "salarié:m", "recrutement:m", "talent:m", "formation:f", "compétence:f", "innovation:f", "idée:f",
        "annonce:f", "accord:m", "rachat:m", "acquisition:f", "fusion:f", "géant:m", "leader:m", "position:f",
        "avantage:m", "risque:m", "menace:f", "attaque:f", "faille:f", "consentement:m", "cookie:m", "ciblage:m",
        "enchère:f", "inventaire:m", "régulation:f", "loi:f", "règle:f", "norme:f", "autorité:f", "concurrence:f",
        "amende:f", "sanction:f", "plainte:f", "procès:m", "question:f", "réponse:f", "débat:m", "choix:m",
        "enjeu:m", "défi:m", "vision:f", "ambition:f", "avenir:m", "histoire:f", "succès:m", "échec:m",
        "crise:f", "pénurie:f", "télétravail:m", "bureau:m", "travail:m", "cadre:m", "protocole:m", "portefeuille:m",
        "monnaie:f", "cryptomonnaie:f", "chaîne:f", "boutique:f", "panier:m", "livraison:f", "entrepôt:m", "fidélité:f",
        "programme:m", "récompense:f", "commande:f", "caisse:f", "vitrine:f", "parcours:m", "écosystème:m", "infrastructure:f",
        "serveur:m", "nuage:m", "logiciel:m", "code:m", "modération:f", "désinformation:f", "confiance:f", "transparence:f",
        "souveraineté:f", "robot:m", "assistant:m", "agent:m", "prototype:m", "brevet:m", "licence:f", "subvention:f",
        "levée de fonds:f:levées de fonds", "valorisation:f", "investisseur:m", "fondateur:m", "directrice:f", "patron:m", "salon:m", "conférence:f",
        "mise à jour:f", "œuvre:f", "manœuvre:f", "cœur:m", "vœu:m", "hôpital:m", "héros:m!", "hasard:m!",
        "hiérarchie:f!", "horizon:m", "hébergeur:m", "hypothèse:f", "émission:f", "empreinte:f", "écologie:f", "recyclage:m");

    public static readonly IReadOnlyList<Adjective> Adjectives = Parse(Adjective.Parse,
        "numérique", "mobile", "^nouveau|nouvelle|nouveaux|nouvelles|nouvel", "^grand", "français", "publicitaire", "connecté", "social",
        "européen", "^premier", "^dernier", "américain", "important", "majeur", "récent", "technologique", "économique",
        "intelligent", "rapide", "^petit", "public|publique|publics|publiques", "privé", "global", "local", "national",
        "international", "financier", "innovant", "puissant", "gratuit", "payant", "ouvert", "fort", "faible",
        "^long|longue|longs|longues", "nombreux", "actif", "créatif", "culturel", "personnel", "professionnel", "traditionnel",
        "annuel", "mensuel", "chinois", "coréen", "japonais", "britannique", "allemand", "indien", "artificiel", "virtuel",
        "augmenté", "automatisé", "personnalisé", "programmatique", "interactif", "immersif", "sécurisé", "durable",
        "responsable", "ambitieux", "prudent", "décisif", "stratégique", "commercial", "industriel", "juridique",
        "réglementaire", "fiscal", "massif", "discret|discrète|discrets|discrètes", "^meilleur", "supérieur", "inédit", "historique",
        "prometteur|prometteuse|prometteurs|prometteuses", "^beau|belle|beaux|belles|bel", "^bon", "cher", "frais|fraîche|frais|fraîches",
        "haut de gamme|haut de gamme|haut de gamme|haut de gamme", "abordable", "optimisé", "hybride", "embarqué", "natif");

    public static readonly IReadOnlyList<Verb> TransitiveVerbs = Parse(Verb.Parse,
        "lancer", "annoncer", "présenter", "proposer", "développer", "tester", "déployer", "intégrer", "racheter", "acheter",
        "renforcer", "accélérer", "préparer", "publier", "dévoiler", "confirmer", "étendre|étend|étendent|étend|étendr|étendu",
        "prendre|prend|prennent|pren|prendr|pris", "mettre|met|mettent|mett|mettr|mis", "faire|fait|font|fais|fer|fait",
        "permettre|permet|permettent|permett|permettr|permis", "atteindre|atteint|atteignent|atteign|atteindr|atteint",
        "obtenir|obtient|obtiennent|obten|obtiendr|obtenu", "offrir|offre|offrent|offr|offrir|offert",
        "ouvrir|ouvre|ouvrent|ouvr|ouvrir|ouvert", "produire|produit|produisent|produis|produir|produit",
        "réduire|réduit|réduisent|réduis|réduir|réduit", "construire|construit|construisent|construis|construir|construit",
        "vendre|vend|vendent|vend|vendr|vendu", "perdre|perd|perdent|perd|perdr|perdu",
        "prévoir|prévoit|prévoient|prévoy|prévoir|prévu", "recevoir|reçoit|reçoivent|recev|recevr|reçu",
        "séduire|séduit|séduisent|séduis|séduir|séduit", "convaincre|convainc|convainquent|convainqu|convaincr|convaincu",
        "rejoindre|rejoint|rejoignent|rejoign|rejoindr|rejoint", "investir:2", "choisir:2", "réussir:2", "bâtir:2", "franchir:2",
        "définir:2", "enrichir:2", "garantir:2", "fournir:2", "remplir:2", "gérer", "protéger", "partager", "changer",
        "encourager", "céder", "générer", "intégrer", "améliorer", "simplifier", "financer", "recruter", "former", "mesurer",
        "analyser", "cibler", "monétiser", "adapter", "utiliser", "exploiter", "commercialiser", "abandonner", "reporter",
        "suspendre|suspend|suspendent|suspend|suspendr|suspendu", "interdire|interdit|interdisent|interdis|interdir|interdit",
        "sanctionner", "contester", "dénoncer", "critiquer", "soutenir|soutient|soutiennent|souten|soutiendr|soutenu",
        "promouvoir|promeut|promeuvent|promouv|promouvr|promu", "déployer", "employer", "nettoyer", "mener", "amener", "lever",
        "espérer", "négocier", "signer", "remporter", "doubler", "tripler", "dépasser", "revendiquer", "valoriser",
        "transformer", "repenser", "réinventer", "bouleverser", "chambouler");

    /// <summary>Verbs of saying, for quotes: « … », explique Untel.</summary>
    public static readonly IReadOnlyList<Verb> SayingVerbs = Parse(Verb.Parse,
        "expliquer", "souligner", "estimer", "affirmer", "préciser", "rappeler|rappelle|rappellent|rappel|rappeller|rappelé", "assurer", "reconnaître|reconnaît|reconnaissent|reconnaiss|reconnaîtr|reconnu",
        "indiquer", "observer", "résumer", "détailler", "avancer", "ajouter", "insister", "confier", "noter", "tempérer");

    public static readonly string[] Months =
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    public static readonly string[] Ordinals = ["premier", "deuxième", "troisième", "quatrième"];

    public static readonly string[] Numbers =
        ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "dix", "douze", "quinze", "vingt", "trente", "cinquante", "cent"];

    /// <summary>Sentence openers and linking adverbs.</summary>
    public static readonly string[] Connectors =
        ["Par ailleurs", "En outre", "Pourtant", "Cependant", "Désormais", "Dans le même temps", "Surtout", "Autrement dit",
         "De son côté", "À terme", "En attendant", "Pour l’instant", "Concrètement", "Toutefois", "Ainsi", "En revanche",
         "Au-delà", "Sans surprise", "Signe des temps", "À l’inverse", "En parallèle", "D’ailleurs", "Enfin"];

    public static readonly string[] Adverbs =
        ["déjà", "encore", "aussi", "désormais", "notamment", "toujours", "rapidement", "progressivement", "officiellement",
         "discrètement", "largement", "nettement", "fortement", "enfin", "bientôt", "massivement", "clairement", "plutôt"];

    private static IReadOnlyList<T> Parse<T>(Func<string, T> parse, params string[] specs)
    {
        var items = new List<T>(specs.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            // A word listed twice would just be more frequent; keep the first (its rank) and move on.
            if (seen.Add(spec))
            {
                items.Add(parse(spec));
            }
        }

        return items;
    }
}
