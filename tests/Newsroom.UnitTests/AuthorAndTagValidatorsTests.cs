using FluentValidation;
using Newsroom.Application.Authors;
using Newsroom.Application.Tags;

namespace Newsroom.UnitTests;

public sealed class AuthorAndTagValidatorsTests
{
    private static string[] Fields<T>(AbstractValidator<T> validator, T message) =>
        validator.Validate(message).Errors.Select(e => e.PropertyName).Distinct().ToArray();

    [Fact]
    public void A_complete_author_passes()
    {
        var valid = new CreateAuthor("Claire Dubois", "claire-dubois", "Télécoms.\nEt usages.", "https://cdn.exemple.fr/c.jpg", Guid.NewGuid());

        Assert.Empty(Fields(new CreateAuthorValidator(), valid));
    }

    [Fact]
    public void An_author_needs_only_a_name()
    {
        Assert.Empty(Fields(new CreateAuthorValidator(), new CreateAuthor("Claire Dubois", null, null, null, null)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Claire-Dubois")]
    [InlineData("claire--dubois")]
    [InlineData("claire-dubois-")]
    [InlineData("clàire")]
    public void A_given_slug_must_already_be_a_slug(string slug)
    {
        Assert.Equal(new[] { "Slug" }, Fields(new CreateAuthorValidator(), new CreateAuthor("Claire", slug, null, null, null)));
    }

    [Fact]
    public void A_given_slug_is_at_most_as_long_as_a_made_one()
    {
        var tooLong = string.Join('-', Enumerable.Repeat("mot", 30));

        Assert.Equal(new[] { "Slug" }, Fields(new UpdateAuthorValidator(), new UpdateAuthor(Guid.NewGuid(), "Claire", tooLong, null, null, null)));
    }

    [Theory]
    [InlineData("http://cdn.exemple.fr/c.jpg")]
    [InlineData("")]
    [InlineData("/relative.jpg")]
    public void An_avatar_is_an_https_link_or_nothing(string url)
    {
        Assert.Equal(new[] { "AvatarUrl" }, Fields(new UpdateAuthorValidator(), new UpdateAuthor(Guid.NewGuid(), "Claire", null, null, url, null)));
    }

    [Fact]
    public void A_name_of_100_characters_passes_and_101_does_not()
    {
        Assert.Empty(Fields(new CreateAuthorValidator(), new CreateAuthor(new string('a', 100), null, null, null, null)));
        Assert.Equal(new[] { "Name" }, Fields(new CreateAuthorValidator(), new CreateAuthor(new string('a', 101), null, null, null, null)));
    }

    [Theory]
    [InlineData("Intelligence artificielle")]
    [InlineData("  IA  ")]
    [InlineData("5G")]
    public void Ordinary_tag_names_pass(string name)
    {
        Assert.Empty(Fields(new RenameTagValidator(), new RenameTag(Guid.NewGuid(), name)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("« ! »")]
    [InlineData("bell\a")]
    public void Empty_letterless_or_controlled_tag_names_are_refused(string name)
    {
        Assert.Equal(new[] { "Name" }, Fields(new RenameTagValidator(), new RenameTag(Guid.NewGuid(), name)));
    }

    [Fact]
    public void A_tag_name_is_measured_after_normalising_its_spaces()
    {
        var eightyWithPadding = "  " + new string('a', 40) + "    " + new string('b', 39) + "  ";

        Assert.Empty(Fields(new RenameTagValidator(), new RenameTag(Guid.NewGuid(), eightyWithPadding)));
        Assert.Equal(new[] { "Name" }, Fields(new RenameTagValidator(), new RenameTag(Guid.NewGuid(), new string('a', 81))));
    }

    [Fact]
    public void A_tag_cannot_be_merged_into_itself_or_into_nothing()
    {
        var id = Guid.NewGuid();

        Assert.Equal(new[] { "TargetId" }, Fields(new MergeTagsValidator(), new MergeTags(id, id)));
        Assert.Equal(new[] { "TargetId" }, Fields(new MergeTagsValidator(), new MergeTags(id, Guid.Empty)));
        Assert.Empty(Fields(new MergeTagsValidator(), new MergeTags(id, Guid.NewGuid())));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(0, false)]
    [InlineData(201, false)]
    [InlineData(-5, false)]
    public void The_public_tag_list_limit_is_1_to_200_or_left_out(int? limit, bool valid)
    {
        Assert.Equal(valid, new ListPublicTagsValidator().Validate(new ListPublicTags(limit)).IsValid);
    }
}
