using FluentValidation;

namespace Newsroom.Application.Common.Validation;

/// <summary>
/// Rules shared by every validator that accepts free text or links from editors and API clients.
/// </summary>
public static class TextRules
{
    private const int MaxUrlLength = 2000;

    /// <summary>
    /// False when the value holds a control character other than line feed, carriage return or tab.
    /// Null and empty values pass: whether a field is required is a separate rule.
    /// </summary>
    /// <remarks>
    /// Control characters pasted from word processors or smuggled in by clients break feeds (XML 1.0
    /// refuses most of them), search snippets and terminals reading logs. U+2028 and U+2029 are
    /// formatting characters, not controls, and stay allowed.
    /// </remarks>
    public static bool HasNoControlCharacters(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(HasNoControlCharacters)
            .WithMessage("must not contain control characters.");

    /// <summary>
    /// Null passes; anything else must be an absolute https URL with a host, at most 2000 characters.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> HttpsUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || IsHttpsUrl(value))
            .WithMessage("must be an absolute https URL.");

    private static bool IsHttpsUrl(string value)
    {
        // Uri quietly trims and escapes whitespace and turns "https:\\host" into "https://host", so
        // without this check the string we store would not be the URL that was validated.
        if (value.Length > MaxUrlLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.Length > 0
            // "https://www.ecranmobile.fr@evil.example" reads as our site but goes elsewhere.
            && uri.UserInfo.Length == 0;
    }
}
