using Newsroom.Domain.Sections;

namespace Newsroom.UnitTests.Domain;

public sealed class SectionTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_section_is_named_trimmed_placed_and_its_slug_made_from_the_name()
    {
        var id = Guid.NewGuid();

        var section = new Section(id, "  Économie numérique ", " Marchés et start-up ", 3, Created);

        Assert.Equal(id, section.Id);
        Assert.Equal("Économie numérique", section.Name);
        Assert.Equal("economie-numerique", section.Slug);
        Assert.Equal("Marchés et start-up", section.Description);
        Assert.Equal(3, section.Position);
        Assert.Equal(Created, section.CreatedAt);
        Assert.Equal(Created, section.UpdatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void A_blank_description_is_stored_as_absent(string? blank)
    {
        var section = new Section(Guid.NewGuid(), "Entretiens", blank, 1, Created);

        Assert.Null(section.Description);
    }

    [Fact]
    public void Renaming_a_section_moves_its_slug_with_the_name_and_dates_the_change_but_not_the_creation()
    {
        var section = new Section(Guid.NewGuid(), "Technologies", "Tech", 1, Created);
        var later = Created.AddDays(1);

        section.Rename("Sciences & techniques", null, 2, later);

        Assert.Equal("sciences-techniques", section.Slug);
        Assert.Null(section.Description);
        Assert.Equal(2, section.Position);
        Assert.Equal(Created, section.CreatedAt);
        Assert.Equal(later, section.UpdatedAt);
    }
}
