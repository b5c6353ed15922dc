using FluentValidation;
using Newsroom.Application.Common.Validation;

namespace Newsroom.Application.Search;

/// <summary>
/// What a search or completion query may hold, so that any string a reader sends is a 200 or a 400, never a 500.
/// PostgreSQL parses the web-search syntax onto a stack of 32 pending operators: 32 negations in a row ("x ---…")
/// overflowed it ("tsquery stack too small"). Real searches use a few words and at most a few operators, so the caps
/// sit far below what the parser and the ranking can take, and far above what a person types.
/// </summary>
public static class SearchQueryRules
{
    public const int MaxLength = 200;

    public const int MaxWords = 32;

    public const int MaxOperators = 16;

    /// <summary>The words of a query: runs of letters and digits (a hyphen or an apostrophe inside a word splits it, as PostgreSQL's parser does).</summary>
    public static int CountWords(string query)
    {
        var words = 0;
        for (var i = 0; i < query.Length; i++)
        {
            if (char.IsLetterOrDigit(query[i]) && (i == 0 || !char.IsLetterOrDigit(query[i - 1])))
            {
                words++;
            }
        }

        return words;
    }

    /// <summary>
    /// The operators of the web-search syntax: a minus that starts a word (a negation; one inside a word, as in
    /// "porte-monnaie", is a hyphen), every "or" standing between spaces, and every quotation mark.
    /// </summary>
    public static int CountOperators(string query)
    {
        var operators = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '"' || (c == '-' && (i == 0 || !char.IsLetterOrDigit(query[i - 1]))))
            {
                operators++;
            }
            else if (c is 'o' or 'O' && i + 1 < query.Length && query[i + 1] is 'r' or 'R'
                     && (i == 0 || char.IsWhiteSpace(query[i - 1])) && (i + 2 == query.Length || char.IsWhiteSpace(query[i + 2])))
            {
                operators++;
            }
        }

        return operators;
    }

    /// <summary>Required, at most 200 characters, no forbidden character, at most 32 words and 16 operators; each failure says why.</summary>
    public static IRuleBuilderOptions<T, string?> SearchQuery<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("must not be empty.")
            .MaximumLength(MaxLength).WithMessage($"must be at most {MaxLength} characters.")
            .Must(q => !q!.Any(char.IsControl)).WithMessage("must not contain control characters.")
            .AllowedCharacters()
            .Must(q => CountWords(q!) <= MaxWords)
            .WithMessage((_, q) => $"must have at most {MaxWords} words; this one has {CountWords(q!)}.")
            .Must(q => CountOperators(q!) <= MaxOperators)
            .WithMessage((_, q) => $"must have at most {MaxOperators} search operators (a leading '-', 'OR', quotation marks); this one has {CountOperators(q!)}.");
}
