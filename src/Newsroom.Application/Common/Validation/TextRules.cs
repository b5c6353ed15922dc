using System.Buffers;
using System.Text;
using FluentValidation;

namespace Newsroom.Application.Common.Validation;

/// <summary>
/// Rules shared by every validator that accepts free text or links from editors and API clients.
/// </summary>
public static class TextRules
{
    private const int MaxUrlLength = 2000;

    /// <summary>
    /// The first character no text of the newsroom may hold, described with its code point and its position (counted
    /// in characters from 1), e.g. "a private-use character (U+E000) at character 12"; null when there is none.
    /// Refused: control characters other than line feed, carriage return and tab; private-use characters (U+E000–U+F8FF
    /// and planes 15–16); Unicode non-characters (U+FDD0–U+FDEF and the last two code points of every plane); lone
    /// surrogates. Null and empty values pass: whether a field is required is a separate rule.
    /// </summary>
    /// <remarks>
    /// Control characters pasted from word processors or smuggled in by clients break feeds (XML 1.0 refuses most of
    /// them), search snippets and terminals reading logs. Private-use characters and non-characters are what software
    /// uses as its own markers (the search highlighter once did): no reader's text needs them, and text carrying them
    /// can pass for the software's markers. A lone surrogate is not text at all and cannot be encoded in UTF-8.
    /// U+2028 and U+2029 are formatting characters, not controls, and stay allowed.
    /// </remarks>
    public static string? FirstForbiddenCharacter(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var position = 0;
        for (var index = 0; index < value.Length;)
        {
            position++;
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done)
            {
                return $"a lone surrogate (U+{(int)value[index]:X4}) at character {position}";
            }

            if (Kind(rune) is { } kind)
            {
                return $"{kind} (U+{rune.Value:X4}) at character {position}";
            }

            index += consumed;
        }

        return null;
    }

    /// <summary>
    /// Fails with a message naming the first forbidden character and where it is (see <see cref="FirstForbiddenCharacter"/>).
    /// Generic so that it chains on string and string? properties alike and keeps their type for the next rule.
    /// </summary>
    public static IRuleBuilderOptions<T, TText> AllowedCharacters<T, TText>(this IRuleBuilder<T, TText> rule)
        where TText : class? =>
        rule.Must(value => FirstForbiddenCharacter(value as string) is null)
            .WithMessage((_, value) => $"must not contain {FirstForbiddenCharacter(value as string)}.");

    private static string? Kind(Rune rune)
    {
        var value = rune.Value;
        if (Rune.IsControl(rune) && value is not ('\n' or '\r' or '\t'))
        {
            return "a control character";
        }

        if (value is >= 0xE000 and <= 0xF8FF or >= 0xF0000 and <= 0xFFFFD or >= 0x100000 and <= 0x10FFFD)
        {
            return "a private-use character";
        }

        return value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE ? "a Unicode non-character" : null;
    }

    /// <summary>
    /// Null passes; anything else must be an absolute https URL with a host, at most 2000 characters.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> HttpsUrl<T>(this IRuleBuilder<T, string?> rule) =>
        // A forbidden character is reported once, by name, whatever the validator's cascade mode.
        rule.AllowedCharacters().Must(value => value is null || FirstForbiddenCharacter(value) is not null || IsHttpsUrl(value))
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
