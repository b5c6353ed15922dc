using Newsroom.Domain.Authors;

namespace Newsroom.UnitTests.Domain;

public sealed class AuthorProfileTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_profile_keeps_its_trimmed_name_slug_account_and_creation_instant()
    {
        var id = Guid.NewGuid();
        var account = Guid.NewGuid();

        var author = new Author(id, "  Léa Martin ", "lea-martin", " Journaliste tech. ", " https://img.example/lea.jpg ", account, Created);

        Assert.Equal(id, author.Id);
        Assert.Equal("Léa Martin", author.Name);
        Assert.Equal("lea-martin", author.Slug);
        Assert.Equal("Journaliste tech.", author.Bio);
        Assert.Equal("https://img.example/lea.jpg", author.AvatarUrl);
        Assert.Equal(account, author.UserId);
        Assert.Equal(Created, author.CreatedAt);
        Assert.Equal(Created, author.UpdatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_bio_or_avatar_is_stored_as_absent(string? blank)
    {
        var author = new Author(Guid.NewGuid(), "Léa Martin", "lea-martin", blank, blank, null, Created);

        Assert.Null(author.Bio);
        Assert.Null(author.AvatarUrl);
    }

    [Fact]
    public void Updating_a_profile_replaces_it_and_dates_the_change_but_not_the_creation()
    {
        var author = new Author(Guid.NewGuid(), "Léa Martin", "lea-martin", "Bio", "https://img.example/lea.jpg", Guid.NewGuid(), Created);
        var later = Created.AddDays(3);

        author.Update("Léa Martin-Durand", "lea-martin-durand", " ", null, null, later);

        Assert.Equal("Léa Martin-Durand", author.Name);
        Assert.Equal("lea-martin-durand", author.Slug);
        Assert.Null(author.Bio);
        Assert.Null(author.AvatarUrl);
        Assert.Null(author.UserId);
        Assert.Equal(Created, author.CreatedAt);
        Assert.Equal(later, author.UpdatedAt);
    }
}
