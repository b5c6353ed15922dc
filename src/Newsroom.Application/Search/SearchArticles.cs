using System.Diagnostics;
using FluentValidation;
using Mediator;
using Newsroom.Application.Articles;
using Newsroom.Application.Common.Paging;
using Newsroom.Application.Common.Telemetry;
using Newsroom.Application.Reading;

namespace Newsroom.Application.Search;

/// <summary>A search hit: the teaser, its score and highlights (HTML-escaped, matches in &lt;mark&gt;).</summary>
public sealed record SearchHit(PublicArticleSummary Article, double Score, SearchHighlights Highlights);

/// <param name="Title">The title with the matched words in &lt;mark&gt;.</param>
/// <param name="Excerpt">A passage of the body around the best match, matched words in &lt;mark&gt;.</param>
public sealed record SearchHighlights(string Title, string Excerpt);

public sealed record FacetCount<T>(T Value, int Count);

public sealed record SectionFacet(string Slug, string Name, int Count);

public sealed record YearFacet(int Year, int Count);

/// <param name="Sections">Matches per section.</param>
/// <param name="Years">Matches per year (Europe/Paris).</param>
/// <param name="AreEstimates">True when counted over the bounded candidate set rather than every match.</param>
public sealed record SearchFacets(IReadOnlyList<SectionFacet> Sections, IReadOnlyList<YearFacet> Years, bool AreEstimates);

/// <param name="Query">The query that was searched (the corrected one when the original found nothing).</param>
/// <param name="Total">Number of matches; exact up to 10,000.</param>
/// <param name="TotalIsEstimate">True above 10,000 matches.</param>
/// <param name="Items">This page of hits, best first.</param>
/// <param name="Facets">Sections and years of the matches.</param>
/// <param name="Suggestion">A spelling correction of the query when it found few or no results, else null.</param>
public sealed record SearchResponse(string Query, int Total, bool TotalIsEstimate, IReadOnlyList<SearchHit> Items, SearchFacets Facets, string? Suggestion);

/// <summary>Ranked, highlighted and faceted full-text search of the articles public at <c>now</c>.</summary>
public interface ISearchEngine
{
    Task<SearchResponse> SearchAsync(string query, PublicArticleFilter filter, int limit, int offset, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>French full-text search of published articles, web-search syntax ("phrase", -exclu, OR).</summary>
public sealed record SearchArticles(string? Q, string? Section, string? Tag, string? Author, DateTimeOffset? From, DateTimeOffset? To, int? Limit, int? Offset)
    : IQuery<SearchResponse>;

public sealed class SearchArticlesValidator : AbstractValidator<SearchArticles>
{
    public SearchArticlesValidator()
    {
        RuleFor(s => s.Q).Cascade(CascadeMode.Stop).SearchQuery();
        RuleFor(s => s.Limit).ValidPageSize();
        RuleFor(s => s.Offset).InclusiveBetween(0, 1000).WithMessage("must be between 0 and 1000.");
        RuleFor(s => s.Section).PublicSlug();
        RuleFor(s => s.Tag).PublicSlug();
        RuleFor(s => s.Author).PublicSlug();
        RuleFor(s => s.To).Must((s, to) => s.From is null || to is null || s.From <= to).WithMessage("must not be before 'from'.");
    }
}

public sealed class SearchArticlesHandler(ISearchEngine engine, ISearchVocabulary vocabulary, IPublicQueries queries, TimeProvider clock, NewsroomMetrics metrics) : IQueryHandler<SearchArticles, SearchResponse>
{
    /// <summary>Below this many matches a spelling suggestion is worth offering.</summary>
    private const int FewResults = 3;

    public async ValueTask<SearchResponse> Handle(SearchArticles query, CancellationToken cancellationToken)
    {
        var began = Stopwatch.GetTimestamp();
        var response = await SearchAsync(query, cancellationToken);
        metrics.Searched(Stopwatch.GetElapsedTime(began));
        return response;
    }

    private async ValueTask<SearchResponse> SearchAsync(SearchArticles query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // A tag or author with no public article is a 404, exactly like an unknown one.
        var targets = await queries.ResolveOrNotFoundAsync(new PublicFilterSlugs(query.Section, query.Tag, query.Author), now, cancellationToken);
        var filter = targets.Filter(query.From?.ToUniversalTime(), query.To?.ToUniversalTime());
        var q = query.Q!.Trim();
        var limit = PageSize.Of(query.Limit);
        var offset = query.Offset ?? 0;
        var result = await engine.SearchAsync(q, filter, limit, offset, now, cancellationToken);
        if (result.Total >= FewResults)
        {
            return result;
        }

        var corrected = await vocabulary.CorrectAsync(q, now, cancellationToken);
        if (corrected is null)
        {
            return result;
        }

        // Nothing found: search what the reader most likely meant, and say so.
        return result.Total == 0
            ? await engine.SearchAsync(corrected, filter, limit, offset, now, cancellationToken) with { Suggestion = corrected }
            : result with { Suggestion = corrected };
    }
}
