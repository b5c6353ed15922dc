using Newsroom.Domain.Articles;

namespace Newsroom.UnitTests.Domain;

/// <summary>Drafts and edits: what an edit changes, reports and keeps in order; revision numbers; ownership.</summary>
public sealed class ArticleEditingTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 2, 8, 30, 0, TimeSpan.Zero);
    private static readonly ArticleRendering Rendering = new("<p>Du texte</p>", "Du texte", 2, 1);

    private static ArticleContent Content(IReadOnlyList<Guid>? tags = null, IReadOnlyList<Guid>? authors = null) =>
        new("Un article", "Un chapô", "Du texte", Guid.NewGuid(), tags ?? [], authors ?? [Guid.NewGuid()], [], null);

    private static Article Draft(ArticleContent? content = null, Guid? createdBy = null) =>
        Article.CreateDraft(Guid.NewGuid(), "un-article", content ?? Content(), Rendering, createdBy ?? Guid.NewGuid(), Now);

    [Fact]
    public void A_new_draft_records_its_identity_creator_and_creation_instant_and_has_no_searchable_tags_yet()
    {
        var id = Guid.NewGuid();
        var creator = Guid.NewGuid();

        var article = Article.CreateDraft(id, "un-article", Content(), Rendering, creator, Now);

        Assert.Equal(id, article.Id);
        Assert.Equal("un-article", article.Slug);
        Assert.Equal(creator, article.CreatedBy);
        Assert.Equal(Now, article.CreatedAt);
        Assert.Equal(Now, article.UpdatedAt);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal(string.Empty, article.SearchTags);
        Assert.False(article.WasEverPublished);
    }

    [Fact]
    public void A_draft_keeps_the_rendering_computed_at_save_time()
    {
        var rendering = new ArticleRendering("<p>Trois mots ici</p>", "Trois mots ici", 3, 4);

        var article = Article.CreateDraft(Guid.NewGuid(), "un-article", Content(), rendering, Guid.NewGuid(), Now);

        Assert.Equal(rendering.Html, article.BodyHtml);
        Assert.Equal(rendering.Text, article.BodyText);
        Assert.Equal(3, article.WordCount);
        Assert.Equal(4, article.ReadingTimeMinutes);
    }

    [Fact]
    public void Tags_and_authors_come_back_in_the_order_the_editor_listed_them()
    {
        Guid[] tags = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        Guid[] authors = [Guid.NewGuid(), Guid.NewGuid()];

        var article = Draft(Content(tags, authors));

        Assert.Equal(tags, article.Content.TagIds);
        Assert.Equal(authors, article.Content.AuthorIds);
        Assert.Equal([0, 1, 2], article.Tags.Select(t => t.Position).ToArray());
        Assert.All(article.Tags, t => Assert.Equal(article.Id, t.ArticleId));
        Assert.All(article.Authors, a => Assert.Equal(article.Id, a.ArticleId));
    }

    public static TheoryData<string> EditableFields() =>
        ["title", "standfirst", "body", "sectionId", "tags", "authorIds", "sources", "coverImage"];

    [Theory]
    [MemberData(nameof(EditableFields))]
    public void Changing_one_field_reports_that_field_alone_and_applies_it(string field)
    {
        var article = Draft();
        var edited = field switch
        {
            "title" => article.Content with { Title = "Autre titre" },
            "standfirst" => article.Content with { Standfirst = "Autre chapô" },
            "body" => article.Content with { Body = "Autre texte" },
            "sectionId" => article.Content with { SectionId = Guid.NewGuid() },
            "tags" => article.Content with { TagIds = [Guid.NewGuid()] },
            "authorIds" => article.Content with { AuthorIds = [Guid.NewGuid()] },
            "sources" => article.Content with { Sources = [new ArticleSource("AFP", null)] },
            "coverImage" => article.Content with { CoverImage = new CoverImage("https://img.example/a.jpg", "Une photo", null, null) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var changed = article.Edit(article.Slug, edited, Rendering, Now.AddMinutes(1));

        Assert.Equal([field], changed);
        Assert.Equal(edited.Title, article.Title);
        Assert.Equal(edited.Standfirst, article.Standfirst);
        Assert.Equal(edited.Body, article.Body);
        Assert.Equal(edited.SectionId, article.SectionId);
        Assert.Equal(edited.TagIds, article.Content.TagIds);
        Assert.Equal(edited.AuthorIds, article.Content.AuthorIds);
        Assert.Equal(edited.Sources, article.Sources);
        Assert.Equal(edited.CoverImage, article.CoverImage);
        Assert.Equal(Now.AddMinutes(1), article.UpdatedAt);
    }

    [Fact]
    public void Changing_the_slug_alone_is_reported_as_slug()
    {
        var article = Draft();

        var changed = article.Edit("nouveau-slug", article.Content, Rendering, Now);

        Assert.Equal(["slug"], changed);
        Assert.Equal("nouveau-slug", article.Slug);
    }

    [Fact]
    public void An_edit_that_changes_nothing_reports_nothing_touches_nothing_and_raises_no_update()
    {
        var article = Draft();
        article.Publish(Now);
        article.ClearEvents();
        var otherRendering = new ArticleRendering("<p>Autre</p>", "Autre", 1, 1);

        var changed = article.Edit(article.Slug, article.Content, otherRendering, Now.AddHours(1));

        Assert.Empty(changed);
        Assert.Equal(Now, article.UpdatedAt);
        Assert.Equal(Rendering.Html, article.BodyHtml);
        Assert.Empty(article.Events);
    }

    [Fact]
    public void Reordering_tags_and_authors_is_a_change_and_the_new_order_is_kept()
    {
        Guid[] tags = [Guid.NewGuid(), Guid.NewGuid()];
        Guid[] authors = [Guid.NewGuid(), Guid.NewGuid()];
        var article = Draft(Content(tags, authors));

        var changed = article.Edit(article.Slug, article.Content with { TagIds = [tags[1], tags[0]], AuthorIds = [authors[1], authors[0]] }, Rendering, Now);

        Assert.Equal(["tags", "authorIds"], changed);
        Assert.Equal([tags[1], tags[0]], article.Content.TagIds);
        Assert.Equal([authors[1], authors[0]], article.Content.AuthorIds);
        Assert.Equal(2, article.Tags.Count);
        Assert.Equal(2, article.Authors.Count);
    }

    [Fact]
    public void Dropping_a_tag_or_an_author_removes_it_and_keeps_the_others_in_place()
    {
        Guid[] tags = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        Guid[] authors = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var article = Draft(Content(tags, authors));
        var added = Guid.NewGuid();

        article.Edit(article.Slug, article.Content with { TagIds = [tags[2], added], AuthorIds = [authors[0], authors[2]] }, Rendering, Now);

        Assert.Equal([tags[2], added], article.Tags.OrderBy(t => t.Position).Select(t => t.TagId).ToArray());
        Assert.Equal([0, 1], article.Tags.Select(t => t.Position).Order().ToArray());
        Assert.Equal([authors[0], authors[2]], article.Authors.OrderBy(a => a.Position).Select(a => a.AuthorId).ToArray());
        Assert.Equal([0, 1], article.Authors.Select(a => a.Position).Order().ToArray());
    }

    [Fact]
    public void Revisions_are_numbered_one_two_three_in_the_order_they_are_saved()
    {
        var article = Draft();

        Assert.Equal([1, 2, 3], new[] { article.NextRevisionNumber(), article.NextRevisionNumber(), article.NextRevisionNumber() });
        Assert.Equal(3, article.RevisionCount);
    }

    [Fact]
    public void Its_creator_owns_an_article()
    {
        var creator = Guid.NewGuid();
        var article = Draft(createdBy: creator);

        Assert.True(article.IsOwnedBy(creator, []));
        Assert.False(article.IsOwnedBy(Guid.NewGuid(), []));
    }

    [Fact]
    public void An_author_on_the_byline_owns_the_article_even_if_someone_else_created_it()
    {
        Guid[] authors = [Guid.NewGuid(), Guid.NewGuid()];
        var article = Draft(Content(authors: authors));

        Assert.True(article.IsOwnedBy(Guid.NewGuid(), [authors[1]]));
        Assert.True(article.IsOwnedBy(Guid.NewGuid(), [Guid.NewGuid(), authors[0]]));
        Assert.False(article.IsOwnedBy(Guid.NewGuid(), [Guid.NewGuid()]));
    }

    [Fact]
    public void Indexed_tag_names_stay_separate_phrases_for_search()
    {
        var article = Draft();

        article.IndexTags(["Intelligence artificielle", "Apple"]);

        Assert.Equal("Intelligence artificielle | Apple", article.SearchTags);
    }
}
