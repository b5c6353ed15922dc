using Newsroom.Domain.Articles;

namespace Newsroom.UnitTests.Domain;

public sealed class ArticleRevisionTests
{
    [Fact]
    public void A_revision_records_what_changed_who_and_when_and_is_not_altered_by_later_changes_to_the_caller_s_list()
    {
        var articleId = Guid.NewGuid();
        var editor = Guid.NewGuid();
        var at = new DateTimeOffset(2025, 7, 2, 8, 30, 0, TimeSpan.Zero);
        var snapshot = new ArticleSnapshot("Titre", "titre", "Chapô", "Texte", Guid.NewGuid(), ["IA"], [Guid.NewGuid()], [], null, ArticleStatus.Draft);
        var fields = new List<string> { "title" };

        var revision = new ArticleRevision(articleId, 4, "edited", fields, snapshot, editor, at);
        fields.Add("body");

        Assert.Equal(articleId, revision.ArticleId);
        Assert.Equal(4, revision.Number);
        Assert.Equal("edited", revision.Action);
        Assert.Equal(["title"], revision.ChangedFields);
        Assert.Same(snapshot, revision.Snapshot);
        Assert.Equal(editor, revision.CreatedBy);
        Assert.Equal(at, revision.CreatedAt);
        Assert.NotEqual(Guid.Empty, revision.Id);
    }
}
