using Newsroom.Domain.Tags;

namespace Newsroom.UnitTests;

public sealed class TagNamesTests
{
    [Theory]
    [InlineData("  Intelligence   artificielle ", "Intelligence artificielle")]
    [InlineData("5G\tet\nIoT", "5G et IoT")]
    [InlineData("Apple", "Apple")]
    public void A_name_is_trimmed_and_its_inner_whitespace_collapsed(string name, string expected)
    {
        Assert.Equal(expected, Tag.NormalizeName(name));
    }

    [Fact]
    public void Names_differing_only_in_case_spacing_or_accents_are_one_tag_spelled_as_first_named()
    {
        var distinct = Tag.DistinctNames(["Intelligence artificielle", "intelligence  artificielle", "INTELLIGENCE ARTIFICIELLE", "Intelligence Artificielle "]);

        Assert.Equal(new[] { "Intelligence artificielle" }, distinct);
    }

    [Fact]
    public void Distinct_names_keep_the_order_they_were_first_named_in()
    {
        var distinct = Tag.DistinctNames([" Télécoms", "5G", "telecoms", "Économie", "5g", "economie ", "Apple"]);

        Assert.Equal(new[] { "Télécoms", "5G", "Économie", "Apple" }, distinct);
    }

    [Fact]
    public void Punctuation_that_makes_no_slug_difference_makes_no_new_tag()
    {
        var distinct = Tag.DistinctNames(["L’IA", "l'ia", "L-IA"]);

        Assert.Equal(new[] { "L’IA" }, distinct);
    }

    [Fact]
    public void No_names_make_no_tags()
    {
        Assert.Empty(Tag.DistinctNames([]));
    }

    [Fact]
    public void A_tag_made_from_a_spelling_gets_the_normalised_name_and_its_slug()
    {
        var tag = new Tag(Guid.CreateVersion7(), "  Stratégie   d’entreprise ", DateTimeOffset.UnixEpoch);

        Assert.Equal("Stratégie d’entreprise", tag.Name);
        Assert.Equal("strategie-d-entreprise", tag.Slug);
    }

    [Fact]
    public void Renaming_a_tag_normalises_the_new_name_and_moves_its_slug_with_it()
    {
        var created = DateTimeOffset.UnixEpoch;
        var tag = new Tag(Guid.CreateVersion7(), "IA", created);

        tag.Rename("  Intelligence   artificielle ");

        Assert.Equal("Intelligence artificielle", tag.Name);
        Assert.Equal("intelligence-artificielle", tag.Slug);
        Assert.Equal(created, tag.CreatedAt);
    }
}
