using FluentValidation;
using Newsroom.Application.Common.Validation;

namespace Newsroom.UnitTests;

public sealed class TextRulesTests
{
    // Title is non-nullable on purpose: the rules must chain on both string and string? properties.
    private sealed record Draft(string Title, string? CanonicalUrl);

    private sealed class DraftValidator : AbstractValidator<Draft>
    {
        public DraftValidator()
        {
            RuleFor(d => d.Title).AllowedCharacters();
            RuleFor(d => d.CanonicalUrl).HttpsUrl();
        }
    }

    private static readonly DraftValidator Validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("L’IA générative : « Meta » recrute à prix d’or")]
    [InlineData("Ligne un\nLigne deux\r\nTab\tulation")]
    [InlineData("Séparateurs\u2028de ligne\u2029et de paragraphe")]
    [InlineData("Espaces\u00A0insécables\u202Fet emoji 🚀")]
    [InlineData("Drapeau 🇫🇷, famille 👨‍👩‍👧 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 hors du plan de base")]
    [InlineData("Juste avant les demi-codets \uD7FF, juste après la zone privée \uF900, autour des non-caractères \uFDCF\uFDF0\uFFFD")]
    public void Ordinary_text_has_only_allowed_characters(string? value)
    {
        Assert.Null(TextRules.FirstForbiddenCharacter(value));
        Assert.True(Validator.Validate(new Draft(value ?? string.Empty, null)).IsValid);
    }

    [Theory]
    [InlineData("nul\0")]
    [InlineData("bell\a")]
    [InlineData("escape\u001B[31m")]
    [InlineData("delete\u007F")]
    [InlineData("c1 control\u0085")]
    [InlineData("vertical\vtab")]
    [InlineData("form\ffeed")]
    public void Text_with_a_control_character_is_refused(string value)
    {
        Assert.StartsWith("a control character", TextRules.FirstForbiddenCharacter(value), StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_with_a_control_character_fails_with_a_message_naming_it_and_where()
    {
        var result = Validator.Validate(new Draft("Titre\u0007", null));

        var failure = Assert.Single(result.Errors);
        Assert.Equal(nameof(Draft.Title), failure.PropertyName);
        Assert.Equal("must not contain a control character (U+0007) at character 6.", failure.ErrorMessage);
    }

    // The search highlighter's old markers were U+E000 and U+E001: text carrying them made stray <mark> elements.
    [Theory]
    [InlineData("Titre\uE000piégé\uE001", "a private-use character (U+E000) at character 6")]
    [InlineData("\uF8FF", "a private-use character (U+F8FF) at character 1")]
    [InlineData("Plan 15 : \U000F0000", "a private-use character (U+F0000) at character 11")]
    [InlineData("Plan 16 : \U0010FFFD.", "a private-use character (U+10FFFD) at character 11")]
    [InlineData("Non-caractère \uFDD0", "a Unicode non-character (U+FDD0) at character 15")]
    [InlineData("\uFDEF", "a Unicode non-character (U+FDEF) at character 1")]
    [InlineData("ab\uFFFE", "a Unicode non-character (U+FFFE) at character 3")]
    [InlineData("\uFFFF", "a Unicode non-character (U+FFFF) at character 1")]
    [InlineData("🚀\U0001FFFE", "a Unicode non-character (U+1FFFE) at character 2")]
    [InlineData("\U0010FFFF", "a Unicode non-character (U+10FFFF) at character 1")]
    public void Private_use_characters_non_characters_and_lone_surrogates_are_refused_by_name_and_position(string value, string expected)
    {
        Assert.Equal(expected, TextRules.FirstForbiddenCharacter(value));

        var failure = Assert.Single(Validator.Validate(new Draft(value, null)).Errors);
        Assert.Equal(nameof(Draft.Title), failure.PropertyName);
        Assert.Equal($"must not contain {expected}.", failure.ErrorMessage);
    }

    // Not theory data: the runner's serialisation of test cases would replace a lone surrogate with U+FFFD.
    [Fact]
    public void Lone_surrogates_are_refused_by_name_and_position()
    {
        Assert.Equal("a lone surrogate (U+D83D) at character 6", TextRules.FirstForbiddenCharacter("seul \uD83D !"));
        Assert.Equal("a lone surrogate (U+DE80) at character 1", TextRules.FirstForbiddenCharacter("\uDE80 au début"));
        Assert.Equal("a lone surrogate (U+D83D) at character 10", TextRules.FirstForbiddenCharacter("à la fin \uD83D"));
        Assert.Equal("a lone surrogate (U+DE80) at character 2", TextRules.FirstForbiddenCharacter("🚀\uDE80"));
        Assert.False(Validator.Validate(new Draft("Titre \uD83D", null)).IsValid);
    }

    [Fact]
    public void Only_the_first_forbidden_character_is_named()
    {
        Assert.Equal("a private-use character (U+E001) at character 2", TextRules.FirstForbiddenCharacter("a\uE001\uE000\u0007"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://www.ecranmobile.fr/articles/l-ia-generative")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("https://example.com:8443/path?q=1#top")]
    [InlineData("https://exämple.fr/été")]
    [InlineData("https://[2001:db8::1]/")]
    public void An_absent_or_absolute_https_url_is_accepted(string? url)
    {
        Assert.True(Validator.Validate(new Draft("Titre", url)).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://example.com/")]
    [InlineData("ftp://example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("//example.com/path")]
    [InlineData("/articles/relative")]
    [InlineData("example.com")]
    [InlineData("https://")]
    [InlineData("https:///no-host")]
    [InlineData(" https://example.com/")]
    [InlineData("https://example.com/with space")]
    [InlineData("https:\\\\example.com")]
    [InlineData("https://www.ecranmobile.fr@evil.example/")]
    public void Anything_but_an_absolute_https_url_is_refused(string url)
    {
        var result = Validator.Validate(new Draft("Titre", url));

        var failure = Assert.Single(result.Errors);
        Assert.Equal(nameof(Draft.CanonicalUrl), failure.PropertyName);
        Assert.Equal("must be an absolute https URL.", failure.ErrorMessage);
    }

    [Fact]
    public void A_url_of_2000_characters_is_accepted_and_one_longer_is_refused()
    {
        const string Prefix = "https://example.com/";
        var longest = Prefix + new string('a', 2000 - Prefix.Length);

        Assert.True(Validator.Validate(new Draft("Titre", longest)).IsValid);
        Assert.False(Validator.Validate(new Draft("Titre", longest + "a")).IsValid);
    }
}
