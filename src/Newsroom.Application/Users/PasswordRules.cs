namespace Newsroom.Application.Users;

/// <summary>
/// What makes a password acceptable: long enough, not absurdly long, and hard to guess as estimated by zxcvbn
/// (dictionaries of common passwords, names and words, keyboard patterns, repeats, dates), with the account's own
/// e-mail and name counted as known words. Character-class rules are deliberately absent: "Password1!" passes them
/// and a long passphrase of lowercase words fails them, the opposite of what resists guessing.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 200;

    /// <summary>zxcvbn's 3: "safely unguessable", about 10^8 guesses or more.</summary>
    public const int MinimumScore = 3;

    /// <summary>Why this password is refused, in plain words (first the reason, then what to do); empty when it is accepted.</summary>
    public static IReadOnlyList<string> Refusals(string? password, string? email, string? displayName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["must not be empty."];
        }

        if (password.Length < MinimumLength)
        {
            return [$"must be at least {MinimumLength} characters."];
        }

        if (password.Length > MaximumLength)
        {
            return [$"must be at most {MaximumLength} characters."];
        }

        var estimate = Zxcvbn.Zxcvbn.MatchPassword(password, UserInputs(email, displayName));
        return estimate.Score >= MinimumScore ? [] : PasswordFeedback.Explain(estimate);
    }

    public static bool IsAcceptable(string? password, string? email, string? displayName) => Refusals(password, email, displayName).Count == 0;

    /// <summary>
    /// Words an attacker who targets this account knows first: the e-mail, its local part and pieces, the name and
    /// its words, and the newsroom's own name.
    /// </summary>
    internal static IReadOnlyList<string> UserInputs(string? email, string? displayName)
    {
        var inputs = new List<string> { "newsroom" };
        if (!string.IsNullOrWhiteSpace(email))
        {
            var trimmed = email.Trim().ToLowerInvariant();
            inputs.Add(trimmed);
            var at = trimmed.IndexOf('@', StringComparison.Ordinal);
            var local = at > 0 ? trimmed[..at] : trimmed;
            inputs.Add(local);
            inputs.AddRange(local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries));
            if (at > 0)
            {
                inputs.AddRange(trimmed[(at + 1)..].Split('.', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        if (!string.IsNullOrWhiteSpace(displayName))
        {
            var name = displayName.Trim().ToLowerInvariant();
            inputs.Add(name);
            inputs.Add(name.Replace(" ", string.Empty, StringComparison.Ordinal));
            inputs.AddRange(name.Split([' ', '-', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries));
        }

        // French names lose their accents in passwords as often as not: "Léa" is tried as "lea" too.
        inputs.AddRange(inputs.Select(Newsroom.Domain.Accents.Remove).ToList());
        return inputs.Where(i => i.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
    }
}
