namespace Newsroom.Infrastructure.Search;

/// <summary>The two tiers of candidates: title, tags and standfirst (the head), then the whole document.</summary>
internal enum Tier
{
    Head,
    Document,
}

/// <summary>How a tier's newest matches are found, decided from the planner's estimate of their number.</summary>
internal static class CandidatePlan
{
    /// <summary>
    /// Whether the newest matches of a tier are best found by walking the publication order and testing each row
    /// (a document costs about 10 µs: it is decompressed) until enough match, rather than by collecting every match
    /// from the GIN index and sorting them (about 0.4 µs per match). The planner can't weigh the decompression, and
    /// for a word it has no statistics on it guesses a frequency that can make it walk a million rows in vain (a word
    /// found only in bodies, looked for in titles: 2 s at 1M). So the choice is made here, from its estimate: walk only
    /// where matches are dense enough that the walk is surely short.
    /// </summary>
    public static bool WalkPublicationOrder(long expectedMatches, long documents, int candidates, Tier tier)
    {
        if (expectedMatches <= 0 || documents <= 0)
        {
            return false;
        }

        // Microseconds per row walked (a head vector sits in the row; a document is decompressed) and per match
        // collected (a random page of the wide articles table; a row of the narrow documents table). The walk must
        // look 4 times cheaper: the estimate may be a guess, and a wrong walk can read the whole table.
        var (walk, collect) = tier == Tier.Head ? (1.0, 5.0) : (10.0, 0.4);
        var walked = candidates * (double)documents / expectedMatches;
        return walked * walk * 4 < expectedMatches * collect;
    }
}
