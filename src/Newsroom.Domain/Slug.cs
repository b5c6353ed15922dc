using System.Text;

namespace Newsroom.Domain;

/// <summary>
/// URL slugs for articles, sections, tags and authors: lowercase ASCII words joined by single hyphens.
/// </summary>
public static class Slug
{
    public const int MaxLength = 100;

    /// <summary>
    /// Builds a slug from a headline or a name. Never throws on any input text; returns an empty string
    /// when nothing usable is left (emoji only, another script only), so callers decide the fallback.
    /// </summary>
    public static string From(string text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // "é" becomes "e": the accents go, the letters stay. Normalisation throws on lone surrogates,
        // and every surrogate (emoji, CJK extensions) ends up a separator anyway, so they are
        // replaced first; letters that hold no accent to drop (œ, ß, ligatures) are spelled out then too.
        var unaccented = Accents.Remove(ExpandLigaturesAndSurrogates(text));

        var slug = new StringBuilder(Math.Min(unaccented.Length, maxLength + 1));
        var separatorPending = false;

        foreach (var c in unaccented)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (separatorPending && slug.Length > 0)
                {
                    slug.Append('-');
                }

                separatorPending = false;
                slug.Append(char.ToLowerInvariant(c));

                // One character past the limit is enough to know whether the cut falls on a word
                // boundary; reading further in a pasted novel would be wasted work.
                if (slug.Length > maxLength)
                {
                    break;
                }
            }
            else
            {
                // Apostrophes, guillemets, punctuation, spaces and letters of other scripts all
                // separate words.
                separatorPending = true;
            }
        }

        return CutAtWordBoundary(slug, maxLength);
    }

    /// <summary>
    /// True when the value is a well-formed slug: ^[a-z0-9]+(-[a-z0-9]+)*$ and at most
    /// <paramref name="maxLength"/> characters. The default is looser than <see cref="MaxLength"/>
    /// so slugs accepted from elsewhere (imports, hand-edited redirects) are not refused for length alone.
    /// </summary>
    public static bool IsValid(string? slug, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > maxLength)
        {
            return false;
        }

        if (slug[0] == '-' || slug[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < slug.Length; i++)
        {
            var c = slug[i];
            var allowed = char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || (c == '-' && slug[i - 1] != '-');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static string CutAtWordBoundary(StringBuilder slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug.ToString();
        }

        var full = slug.ToString();

        // Searching back from index maxLength itself keeps a last word that ends exactly at the limit.
        var lastHyphen = full.LastIndexOf('-', maxLength);
        return lastHyphen > 0 ? full[..lastHyphen] : full[..maxLength];
    }

    private static string ExpandLigaturesAndSurrogates(string text)
    {
        StringBuilder? expanded = null;

        for (var i = 0; i < text.Length; i++)
        {
            var replacement = Spelling(text[i]);
            if (replacement is null && expanded is null)
            {
                continue;
            }

            expanded ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
            if (replacement is null)
            {
                expanded.Append(text[i]);
            }
            else
            {
                expanded.Append(replacement);
            }
        }

        return expanded?.ToString() ?? text;
    }

    // Letters that are not a base letter plus accents, so Accents.Remove keeps them: without these, "cœur" would lose
    // its "oe" and "Straße" its "ss" instead of being transliterated the way a French reader expects.
    private static string? Spelling(char c) => c switch
    {
        'œ' or 'Œ' => "oe",
        'æ' or 'Æ' => "ae",
        'ß' or 'ẞ' => "ss",
        'ø' or 'Ø' => "o",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'ł' or 'Ł' => "l",
        'þ' or 'Þ' => "th",
        'ı' => "i",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        _ when char.IsSurrogate(c) => " ",
        _ => null,
    };
}
