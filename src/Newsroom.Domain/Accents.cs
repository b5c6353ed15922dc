using System.Globalization;
using System.Text;

namespace Newsroom.Domain;

/// <summary>French text without its accents ("stratégie" → "strategie"), for comparisons that must ignore them.</summary>
public static class Accents
{
    /// <summary>Drops combining marks after canonical decomposition, then recomposes what is left.</summary>
    public static string Remove(string text) =>
        new string(text.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .ToArray()).Normalize(NormalizationForm.FormC);
}
