using Newsroom.Domain;
using Newsroom.Domain.Tags;

namespace Newsroom.Bench.Corpus;

internal sealed record BenchSection(Guid Id, string Slug, string Name, double Weight);

internal sealed record BenchTag(Guid Id, string Name, string Slug);

internal sealed record BenchAuthor(Guid Id, string Name, string Slug, string Bio);

/// <summary>
/// The corpus's fixed cast: the six sections seeded by the first migration (same ids), ~300 tags whose use follows a
/// long tail, and 40 authors, a few of whom write most of the magazine.
/// </summary>
internal sealed class Catalog
{
    public const int TagCount = 300;
    public const int AuthorCount = 40;

    // Ids and slugs of SectionConfiguration's HasData; weights give the uneven mix of a real magazine.
    public static readonly BenchSection[] Sections =
    [
        new(Guid.Parse("0193f000-0000-7000-8000-000000000001"), "technologies", "Technologies", 0.34),
        new(Guid.Parse("0193f000-0000-7000-8000-000000000002"), "entretiens", "Entretiens", 0.08),
        new(Guid.Parse("0193f000-0000-7000-8000-000000000003"), "usages", "Usages", 0.22),
        new(Guid.Parse("0193f000-0000-7000-8000-000000000004"), "business", "Business", 0.20),
        new(Guid.Parse("0193f000-0000-7000-8000-000000000005"), "revue-de-web", "Revue de web", 0.12),
        new(Guid.Parse("0193f000-0000-7000-8000-000000000006"), "focus", "Focus", 0.04),
    ];

    public static readonly string[] SectionSlugs = Sections.Select(s => s.Slug).ToArray();

    private static readonly string[] Topics =
    [
        "Intelligence artificielle", "5G", "Réseaux sociaux", "E-commerce", "Publicité programmatique", "RGPD", "Applications mobiles",
        "Smartphones", "Objets connectés", "Paiement mobile", "Retail", "Marketing d’influence", "Vidéo", "Streaming", "Podcasts",
        "Jeu vidéo", "Cybersécurité", "Cloud", "Données personnelles", "Fintech", "Start-up", "Levées de fonds", "Télécoms", "Fibre",
        "Réalité virtuelle", "Réalité augmentée", "Métavers", "Blockchain", "Cryptomonnaies", "Mobilité", "Voiture électrique",
        "Santé connectée", "Edtech", "Marketing", "SEO", "Emailing", "CRM", "Fidélisation", "Drive-to-store", "Géolocalisation",
        "Chatbots", "Commerce conversationnel", "Social commerce", "Live shopping", "Retail media", "TV connectée", "Mesure d’audience",
        "Presse", "Médias", "Régulation", "Concurrence", "Fiscalité du numérique", "Souveraineté numérique", "Green IT",
        "Sobriété numérique", "Reconditionné", "Emploi", "Recrutement", "Télétravail", "Formation", "Génération Z", "Seniors",
        "Éducation", "Open data", "Open source", "IA générative", "Moteurs de recherche", "Navigateurs", "Messageries", "Fraude",
        "Arnaques", "Deepfakes", "Désinformation", "Modération", "Élections", "Sport", "JO de Paris", "Musique", "Cinéma", "Séries",
        "Livres", "Tourisme", "Banque", "Assurance", "Immobilier", "Luxe", "Mode", "Beauté", "Alimentation", "Livraison",
        "Quick commerce", "Logistique", "Drones", "Robots", "Satellites", "Semi-conducteurs", "Batteries", "Énergie", "Smart city",
        "Collectivités", "Service public", "Cookies", "Consentement", "Accessibilité", "Œuvres numériques", "Vie privée", "Wearables",
        "Montres connectées", "Maison connectée", "Assistants vocaux", "Recherche vocale", "QR codes", "Sans contact", "Portefeuilles numériques",
        "Identité numérique", "Super-apps", "Abonnements", "Freemium", "Économie des créateurs", "Publicité native", "Brand safety",
    ];

    private static readonly string[] Bios =
    [
        "Journaliste spécialisé·e dans les usages mobiles et le commerce connecté.",
        "Couvre les télécoms, la régulation et les grandes plateformes.",
        "Suit les start-up françaises, leurs levées de fonds et leurs échecs.",
        "Écrit sur la publicité, la mesure d’audience et les données.",
        "Rédacteur·rice en chef adjoint·e, passionné·e de jeux vidéo et de séries.",
    ];

    public Catalog(int seed)
    {
        var rng = Rng.For(seed, stream: 1, index: 0);
        Tags = BuildTags(rng);
        Authors = BuildAuthors(rng);
    }

    /// <summary>In order of popularity: rank 0 is the most used tag.</summary>
    public IReadOnlyList<BenchTag> Tags { get; }

    /// <summary>In order of output: the first authors sign most articles.</summary>
    public IReadOnlyList<BenchAuthor> Authors { get; }

    private static List<BenchTag> BuildTags(Rng rng)
    {
        var created = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var names = new List<string>(Topics);
        // Companies and public figures are tags too, less used than topics; generated pairs fill the long tail.
        names.AddRange(Names.Companies);
        names.AddRange(Names.PublicFigures.Select(f => f.Name));
        while (names.Count < TagCount * 2)
        {
            var noun = rng.Pick(Lexicon.Nouns);
            var adjective = rng.Pick(Lexicon.Adjectives);
            var plural = rng.Chance(0.3);
            var pair = adjective.BeforeNoun
                ? adjective.Form(noun.Gender, plural, noun.Elides) + " " + noun.Form(plural)
                : noun.Form(plural) + " " + adjective.Form(noun.Gender, plural);
            names.Add(French.Capitalise(pair));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tags = new List<BenchTag>(TagCount);
        foreach (var raw in names)
        {
            var name = Tag.NormalizeName(raw);
            var slug = Slug.From(name);
            if (slug.Length > 0 && seen.Add(slug))
            {
                tags.Add(new BenchTag(DeterministicGuid(rng, created.AddDays(tags.Count)), name, slug));
            }

            if (tags.Count == TagCount)
            {
                break;
            }
        }

        return tags;
    }

    private static List<BenchAuthor> BuildAuthors(Rng rng)
    {
        var created = new DateTimeOffset(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var authors = new List<BenchAuthor>(AuthorCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (authors.Count < AuthorCount)
        {
            var name = $"{rng.Pick(Names.FirstNames).Name} {rng.Pick(Names.LastNames)}";
            var slug = Slug.From(name);
            if (seen.Add(slug))
            {
                authors.Add(new BenchAuthor(DeterministicGuid(rng, created.AddDays(authors.Count * 30)), name, slug, rng.Pick(Bios)));
            }
        }

        return authors;
    }

    /// <summary>A version 7 UUID (time-ordered, like Guid.CreateVersion7) whose random part comes from the corpus seed.</summary>
    public static Guid DeterministicGuid(Rng rng, DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        var millis = (ulong)at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }

        var random = rng.NextUInt64();
        var more = rng.NextUInt64();
        bytes[6] = (byte)(0x70 | (random & 0x0F));
        bytes[7] = (byte)(random >> 8);
        bytes[8] = (byte)(0x80 | ((random >> 16) & 0x3F));
        bytes[9] = (byte)(random >> 24);
        for (var i = 10; i < 16; i++)
        {
            bytes[i] = (byte)(more >> (8 * (i - 10)));
        }

        return new Guid(bytes, bigEndian: true);
    }
}
