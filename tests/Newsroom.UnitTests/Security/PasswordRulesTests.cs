using Newsroom.Application.Users;

namespace Newsroom.UnitTests.Security;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("password1234")]
    [InlineData("azertyuiopqs")]
    public void Long_but_guessable_passwords_are_refused_with_a_reason(string password)
    {
        var refusals = PasswordRules.Refusals(password, "lea.moreau@exemple.fr", "Léa Moreau");

        Assert.NotEmpty(refusals);
        Assert.StartsWith("is too easy to guess", refusals[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_made_of_the_accounts_own_email_and_name_is_refused()
    {
        Assert.NotEmpty(PasswordRules.Refusals("leamoreau2024!", "lea.moreau@exemple.fr", "Léa Moreau"));
        Assert.NotEmpty(PasswordRules.Refusals("exemple.fr.lea.moreau", "lea.moreau@exemple.fr", "Léa Moreau"));
    }

    [Fact]
    public void Length_bounds_are_stated()
    {
        Assert.Equal(["must be at least 12 characters."], PasswordRules.Refusals("Xq7#vL2!", null, null));
        Assert.Equal(["must be at most 200 characters."], PasswordRules.Refusals(new string('x', 201), null, null));
    }

    [Theory]
    [InlineData("correct-horse-battery-staple")]
    [InlineData("Gr1gnote la falaise en ardoise")]
    [InlineData("vK9#pQ2$mZ7!rT4w")]
    public void Passphrases_and_random_strings_without_any_particular_character_class_are_accepted(string password)
    {
        Assert.Empty(PasswordRules.Refusals(password, "lea.moreau@exemple.fr", "Léa Moreau"));
    }

    [Fact]
    public void A_long_password_is_judged_quickly()
    {
        var password = string.Concat(Enumerable.Repeat("le chat grignote ", 12))[..PasswordRules.MaximumLength];
        var watch = System.Diagnostics.Stopwatch.StartNew();

        PasswordRules.Refusals(password, "lea.moreau@exemple.fr", "Léa Moreau");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed.TotalMilliseconds} ms");
    }
}
