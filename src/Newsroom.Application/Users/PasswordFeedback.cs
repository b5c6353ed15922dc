using Zxcvbn;
using Zxcvbn.Matcher;

namespace Newsroom.Application.Users;

/// <summary>
/// Says why zxcvbn found a password guessable and what to do, in plain words. The .NET port served here (1.1.17)
/// estimates strength but has no feedback of its own, so this follows the JavaScript original's rules: the
/// warning comes from the longest pattern zxcvbn recognised, the suggestions from every kind it recognised.
/// </summary>
internal static class PasswordFeedback
{
    public static IReadOnlyList<string> Explain(Result estimate)
    {
        var matches = (estimate.MatchSequence ?? []).Where(m => m.Pattern != "bruteforce").ToList();
        var longest = matches.OrderByDescending(m => m.Token?.Length ?? 0).FirstOrDefault();
        var reasons = new List<string>
        {
            longest is null || Warning(longest, soleMatch: matches.Count == 1) is not { } warning
                ? "is too easy to guess."
                : $"is too easy to guess: {warning}.",
            "Add another word or two; uncommon words are better.",
        };
        // Like the original: advice about the pattern that gave the warning, and always about personal words.
        var advised = matches.Where(m => m == longest || m is DictionaryMatch { DictionaryName: "user_inputs" });
        reasons.AddRange(advised.Select(Suggestion).OfType<string>().Distinct(StringComparer.Ordinal));
        return reasons;
    }

    private static string? Warning(Match match, bool soleMatch) => match switch
    {
        DictionaryMatch { DictionaryName: "user_inputs" } => "it contains your e-mail address or your name",
        DictionaryMatch { DictionaryName: "passwords", Rank: <= 10 } when soleMatch => "this is a top-10 common password",
        DictionaryMatch { DictionaryName: "passwords", Rank: <= 100 } when soleMatch => "this is a top-100 common password",
        DictionaryMatch { DictionaryName: "passwords" } => "it is built on a very common password",
        DictionaryMatch { DictionaryName: "english" } when soleMatch => "a word by itself is easy to guess",
        DictionaryMatch { DictionaryName: "surnames" or "male_names" or "female_names" } => soleMatch
            ? "names and surnames by themselves are easy to guess"
            : "common names and surnames are easy to guess",
        SpatialMatch { Turns: 1 } => "straight rows of keys are easy to guess",
        SpatialMatch => "short keyboard patterns are easy to guess",
        RepeatMatch => "repeats like \"aaa\" are easy to guess",
        SequenceMatch => "sequences like \"abc\" or \"6543\" are easy to guess",
        DateMatch => "dates are often easy to guess",
        _ when match.Pattern is "year" or "digits" => "years and runs of digits are easy to guess",
        _ => null,
    };

    private static string? Suggestion(Match match) => match switch
    {
        DictionaryMatch { DictionaryName: "user_inputs" } => "Avoid your name and your e-mail address.",
        L33tDictionaryMatch => "Predictable substitutions like '@' instead of 'a' don't help very much.",
        SpatialMatch => "Use a longer keyboard pattern with more turns.",
        RepeatMatch => "Avoid repeated words and characters.",
        SequenceMatch => "Avoid sequences.",
        DateMatch => "Avoid dates and years that are associated with you.",
        _ when match.Pattern is "year" => "Avoid recent years and years that are associated with you.",
        _ => null,
    };
}
