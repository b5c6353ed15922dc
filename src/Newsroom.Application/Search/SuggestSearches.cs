using FluentValidation;
using Mediator;

namespace Newsroom.Application.Search;

/// <summary>Up to 8 completions of the last word being typed, for search-as-you-type.</summary>
public sealed record SuggestSearches(string? Q) : IQuery<IReadOnlyList<string>>;

public sealed class SuggestSearchesValidator : AbstractValidator<SuggestSearches>
{
    public SuggestSearchesValidator() =>
        RuleFor(s => s.Q).Cascade(CascadeMode.Stop).SearchQuery();
}

public sealed class SuggestSearchesHandler(ISearchVocabulary vocabulary, TimeProvider clock) : IQueryHandler<SuggestSearches, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SuggestSearches query, CancellationToken cancellationToken) =>
        await vocabulary.CompleteAsync(query.Q!.TrimStart(), 8, clock.GetUtcNow(), cancellationToken);
}
