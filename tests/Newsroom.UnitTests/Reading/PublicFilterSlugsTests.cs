using Newsroom.Application.Reading;

namespace Newsroom.UnitTests.Reading;

public sealed class PublicFilterSlugsTests
{
    [Theory]
    [InlineData("section", "No section matches 'culture'.")]
    [InlineData("tag", "No tag matches 'ia'.")]
    [InlineData("author", "No author matches 'jeanne-martin'.")]
    public void The_404_of_an_unknown_filter_names_it_and_the_slug_the_reader_gave(string filter, string detail) =>
        Assert.Equal(detail, new PublicFilterSlugs("culture", "ia", "jeanne-martin").NotFound(filter).Message);

    [Fact]
    public void Resolved_slugs_make_the_filter_of_their_ids_with_the_instants_given()
    {
        var (section, tag) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var from = DateTimeOffset.UtcNow;
        var targets = new PublicFilterTargets(new PublicFilterTarget(section, "Culture"), new PublicFilterTarget(tag, "IA"), null, null);

        Assert.Equal(new PublicArticleFilter(section, tag, null, from, null), targets.Filter(from));
    }
}
