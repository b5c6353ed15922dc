using Newsroom.Domain;

namespace Newsroom.UnitTests.Domain;

public sealed class AccentsTests
{
    [Theory]
    [InlineData("stratégie", "strategie")]
    [InlineData("Élysée", "Elysee")]
    [InlineData("ça déçoit", "ca decoit")]
    [InlineData("œuvre « citée »", "œuvre « citee »")]
    [InlineData("plain text", "plain text")]
    public void Accents_are_dropped_and_everything_else_is_kept(string text, string expected) =>
        Assert.Equal(expected, Accents.Remove(text));

    [Fact]
    public void What_is_left_is_recomposed()
    {
        // A trailing combining accent on its own goes too, and no decomposed form remains.
        var result = Accents.Remove("Ångström\u0301");

        Assert.Equal("Angstrom", result);
        Assert.True(result.IsNormalized(System.Text.NormalizationForm.FormC));
    }
}
