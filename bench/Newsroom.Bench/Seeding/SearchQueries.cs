namespace Newsroom.Bench.Seeding;

/// <summary>
/// The search mix bench/run.sh replays, one "kind&lt;TAB&gt;query" per line: words the corpus uses constantly (top
/// of the lexicon's Zipf ranks), words about 0.7 % of articles use (<see cref="Corpus.RareTerms"/>), two-word
/// queries, and misspellings readers make.
/// </summary>
internal static class SearchQueries
{
    private static readonly (string Kind, string Query)[] Mix =
    [
        ("common", "marché"), ("common", "application"), ("common", "entreprises"), ("common", "utilisateur"),
        ("rare", "photolithographie"), ("rare", "Quimperlé"), ("rare", "Pixelune"), ("rare", "stéganographie"),
        ("two-words", "stratégie publicitaire"), ("two-words", "paiement mobile"), ("two-words", "intelligence artificielle"), ("two-words", "Orange fibre"),
        ("typo", "Zukerberg"), ("typo", "aplication mobile"), ("typo", "inteligence artificiele"), ("typo", "strategie publicitair"),
    ];

    public static string Text() => string.Concat(Mix.Select(q => $"{q.Kind}\t{q.Query}\n"));
}
