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
            RuleFor(d => d.Title).NoControlCharacters();
            RuleFor(d => d.CanonicalUrl).NoControlCharacters().HttpsUrl();
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
    public void Ordinary_text_has_no_control_characters(string? value)
    {
        Assert.True(TextRules.HasNoControlCharacters(value));
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
        Assert.False(TextRules.HasNoControlCharacters(value));
    }

    [Fact]
    public void A_title_with_a_control_character_fails_with_the_shared_message()
    {
        var result = Validator.Validate(new Draft("Titre\u0007", null));

        var failure = Assert.Single(result.Errors);
        Assert.Equal(nameof(Draft.Title), failure.PropertyName);
        Assert.Equal("must not contain control characters.", failure.ErrorMessage);
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
