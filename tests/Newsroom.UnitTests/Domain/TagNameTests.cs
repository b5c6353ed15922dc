using Newsroom.Domain;
using Newsroom.Domain.Tags;

namespace Newsroom.UnitTests.Domain;

public sealed class TagNameTests
{
    [Theory]
    [InlineData("  Intelligence   artificielle ", "Intelligence artificielle")]
    [InlineData("Objets\tconnectés", "Objets connectés")]
    [InlineData("5G", "5G")]
    public void Names_are_trimmed_and_inner_spacing_collapsed(string raw, string expected) =>
        Assert.Equal(expected, Tag.NormalizeName(raw));

    [Fact]
    public void Names_differing_in_case_accents_or_spacing_share_one_slug()
    {
        var slugs = new[] { "Intelligence artificielle", "intelligence  artificielle", "INTELLIGENCE ARTIFICIELLE", "Intelligence artificièlle" }
            .Select(name => Slug.From(Tag.NormalizeName(name)))
            .Distinct();

        Assert.Equal("intelligence-artificielle", Assert.Single(slugs));
    }
}
