using System.ComponentModel.DataAnnotations;

namespace Newsroom.Application.Search;

/// <summary>Search settings (configuration section <c>Newsroom:Search</c>), validated at start-up.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Newsroom:Search";

    /// <summary>Half-life of the recency boost: an article this old weighs 3/4 of a new one at equal relevance.</summary>
    [Range(0.1, 36_500)]
    public double RecencyHalfLifeDays { get; set; } = 180;

    /// <summary>
    /// Ranking only ever looks at this many newest matches per tier (title/tags/standfirst, then whole document), or
    /// offset + limit when deeper, so a very common word costs about what a rare one does.
    /// </summary>
    [Range(1, 100_000)]
    public int CandidateLimit { get; set; } = 100;

    /// <summary>Counts and facets are exact up to this many matches, estimates above.</summary>
    [Range(1, 100_000_000)]
    public int ExactCountLimit { get; set; } = 10_000;

    /// <summary>How often the vocabulary behind typo corrections and completions is rebuilt.</summary>
    [Range(1, 604_800)]
    public double VocabularyRefreshSeconds { get; set; } = 300;
}
