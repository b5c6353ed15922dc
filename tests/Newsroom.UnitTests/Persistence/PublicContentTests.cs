using Microsoft.EntityFrameworkCore;
using Newsroom.Application.Common.Abstractions;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Authors;
using Newsroom.Domain.Sections;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.UnitTests.Persistence;

/// <summary>
/// What saved changes make stale, as cache keys (<see cref="PublicContent"/>): the rules on the real model's change
/// tracker. Tracking needs no database, so the context never connects; the neighbours are looked up after the save by
/// <see cref="PublicChangeTally"/>, whose asks are checked here (the articles it is given).
/// </summary>
public sealed class PublicContentTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 11, 13, 0, 0, TimeSpan.Zero);

    private static readonly Guid Technologies = Guid.Parse("0193f000-0000-7000-8000-000000000001");
    private static readonly Guid Culture = Guid.Parse("0193f000-0000-7000-8000-000000000002");
    private static readonly Guid Byline = Guid.Parse("0193f000-0000-7000-8000-000000000003");
    private static readonly Guid Label = Guid.Parse("0193f000-0000-7000-8000-000000000004");

    private readonly NewsroomDbContext _db = new(new DbContextOptionsBuilder<NewsroomDbContext>()
        .UseNpgsql("Host=never-connected").UseSnakeCaseNamingConvention().Options);

    public void Dispose() => _db.Dispose();

    private static Article Draft() => Article.CreateDraft(Guid.CreateVersion7(), "brouillon-" + Guid.NewGuid().ToString("N")[..8],
        new ArticleContent("Un brouillon", "Un chapô.", "Un corps.", Technologies, [Label], [Byline], [], null),
        new ArticleRendering("<p>Un corps.</p>", "Un corps.", 2, 1), Guid.NewGuid(), Now);

    private static Article Published()
    {
        var article = Draft();
        article.Publish(Now);
        article.ClearEvents();
        return article;
    }

    private PublicContentScan Scan() => PublicContent.Scan(_db.ChangeTracker);

    private static string[] Listing(Guid article) =>
        [CacheKeys.Article(article), CacheKeys.Sitemap, CacheKeys.List, CacheKeys.Feed, CacheKeys.Search];

    [Fact]
    public void A_new_draft_and_its_links_are_private()
    {
        var draft = Draft();
        _db.Articles.Add(draft);
        _db.Add(new ArticleTag { ArticleId = draft.Id, TagId = Guid.NewGuid(), Position = 0 });

        Assert.True(Scan().IsEmpty);
    }

    [Fact]
    public void Editing_a_draft_is_private()
    {
        var draft = Draft();
        _db.Articles.Attach(draft);
        _db.Entry(draft).Property(nameof(Article.Title)).CurrentValue = "Un brouillon relu";

        Assert.True(Scan().IsEmpty);
    }

    [Fact]
    public void Publishing_names_the_article_and_every_listing_and_asks_for_its_neighbours_but_not_its_sections_pages()
    {
        var draft = Draft();
        _db.Articles.Attach(draft);
        draft.Publish(Now);

        var scan = Scan();

        Assert.Equal(Listing(draft.Id).Order(), scan.Keys.Order());
        Assert.Equal([draft.Id], scan.Placed);
    }

    [Fact]
    public void Editing_the_words_of_a_published_article_names_it_the_sitemap_and_searches_but_no_list()
    {
        var live = Published();
        _db.Articles.Attach(live);
        _db.Entry(live).Property(nameof(Article.Title)).CurrentValue = "Un titre corrigé";

        var scan = Scan();

        Assert.Equal(new[] { CacheKeys.Article(live.Id), CacheKeys.Search, CacheKeys.Sitemap }.Order(), scan.Keys.Order());
        Assert.Empty(scan.Placed);
    }

    [Fact]
    public void Changing_what_only_its_teaser_and_page_show_names_only_the_article_and_the_sitemap()
    {
        var live = Published();
        _db.Articles.Attach(live);
        _db.Entry(live).Property(nameof(Article.ReadingTimeMinutes)).CurrentValue = 7;

        Assert.Equal(new[] { CacheKeys.Article(live.Id), CacheKeys.Sitemap }.Order(), Scan().Keys.Order());
    }

    [Fact]
    public void Moving_a_published_article_to_another_section_names_every_listing_and_places_it_again()
    {
        var live = Published();
        _db.Articles.Attach(live);
        _db.Entry(live).Property(nameof(Article.SectionId)).CurrentValue = Culture;

        var scan = Scan();

        Assert.Equal(Listing(live.Id).Order(), scan.Keys.Order());
        Assert.Equal([live.Id], scan.Placed);
    }

    [Fact]
    public void Withdrawing_names_every_listing_and_needs_no_neighbours_since_their_pages_carry_its_key()
    {
        var live = Published();
        _db.Articles.Attach(live);
        live.Withdraw(Now);

        var scan = Scan();

        Assert.Equal(Listing(live.Id).Order(), scan.Keys.Order());
        Assert.Empty(scan.Placed);
    }

    [Fact]
    public void A_scheduled_article_going_live_is_placed_like_a_publication()
    {
        var draft = Draft();
        draft.Schedule(Now.AddMinutes(5), Now);
        _db.Articles.Attach(draft);
        draft.GoLiveIfDue(Now.AddMinutes(6));

        var scan = Scan();

        Assert.Equal(Listing(draft.Id).Order(), scan.Keys.Order());
        Assert.Equal([draft.Id], scan.Placed);
    }

    [Fact]
    public void Editing_a_withdrawn_article_is_private_and_scheduling_a_draft_is_not()
    {
        var withdrawn = Published();
        withdrawn.Withdraw(Now);
        _db.Articles.Attach(withdrawn);
        _db.Entry(withdrawn).Property(nameof(Article.Title)).CurrentValue = "Retiré puis relu";
        Assert.True(Scan().IsEmpty);

        _db.ChangeTracker.Clear();
        var draft = Draft();
        _db.Articles.Attach(draft);
        draft.Schedule(Now.AddDays(1), Now);
        Assert.Contains(CacheKeys.Article(draft.Id), Scan().Keys);
    }

    [Fact]
    public void Links_of_an_article_the_tracker_does_not_know_count_as_public()
    {
        var article = Guid.NewGuid();
        _db.Add(new ArticleTag { ArticleId = article, TagId = Label, Position = 0 });
        _db.Add(new ArticleAuthor { ArticleId = article, AuthorId = Byline, Position = 0 });

        Assert.Equal(new[] { CacheKeys.Article(article), CacheKeys.List, CacheKeys.Feed, CacheKeys.Search }.Order(), Scan().Keys.Order());
    }

    [Fact]
    public void A_related_pick_of_a_published_article_names_only_its_page()
    {
        var live = Published();
        _db.Articles.Attach(live);
        _db.Add(new RelatedPick { ArticleId = live.Id, RelatedArticleId = Guid.NewGuid(), Position = 0 });

        Assert.Equal([CacheKeys.Article(live.Id)], Scan().Keys);
    }

    [Fact]
    public void A_new_tag_names_only_itself_and_a_user_change_nothing()
    {
        _db.Users.Add(new NewsroomUser { Id = Guid.NewGuid(), UserName = "lea@tests.newsroom", DisplayName = "Léa" });
        Assert.True(Scan().IsEmpty);

        _db.Tags.Add(new Tag(Guid.NewGuid(), "Nouvelle étiquette", Now));
        Assert.Equal([CacheKeys.Tag("nouvelle-etiquette")], Scan().Keys);
    }

    [Fact]
    public void Renaming_a_tag_names_its_old_and_new_slugs_lists_feeds_and_searches()
    {
        var tag = new Tag(Label, "IA", Now);
        _db.Tags.Attach(tag);
        tag.Rename("Intelligence artificielle");

        Assert.Equal(
            new[] { CacheKeys.Tag("ia"), CacheKeys.Tag("intelligence-artificielle"), CacheKeys.List, CacheKeys.Feed, CacheKeys.Search }.Order(),
            Scan().Keys.Order());
    }

    [Fact]
    public void Deleting_a_tag_names_its_slug_and_what_showed_its_name()
    {
        var tag = new Tag(Label, "IA", Now);
        _db.Tags.Attach(tag);
        _db.Tags.Remove(tag);

        Assert.Equal(new[] { CacheKeys.Tag("ia"), CacheKeys.List, CacheKeys.Feed, CacheKeys.Search }.Order(), Scan().Keys.Order());
    }

    [Fact]
    public void An_authors_new_bio_names_only_the_author_and_a_new_name_what_shows_bylines()
    {
        var author = new Author(Byline, "Léa Martin", "lea-martin", null, null, null, Now);
        _db.Authors.Attach(author);
        author.Update("Léa Martin", "lea-martin", "Journaliste.", null, null, Now);
        Assert.Equal([CacheKeys.Author("lea-martin")], Scan().Keys);

        author.Update("Léa Martin-Roux", "lea-martin-roux", "Journaliste.", null, null, Now);
        Assert.Equal(
            new[] { CacheKeys.Author("lea-martin"), CacheKeys.Author("lea-martin-roux"), CacheKeys.List, CacheKeys.Feed, CacheKeys.Search }.Order(),
            Scan().Keys.Order());
    }

    [Fact]
    public void A_new_section_names_itself_and_the_site_and_a_renamed_one_everything_showing_it()
    {
        var created = new Section(Culture, "Culture", null, 2, Now);
        _db.Sections.Add(created);
        Assert.Equal(new[] { CacheKeys.Section("culture"), CacheKeys.Site }.Order(), Scan().Keys.Order());

        _db.ChangeTracker.Clear();
        var section = new Section(Technologies, "Technologies", null, 1, Now);
        _db.Sections.Attach(section);
        section.Rename("Tech", null, 1, Now);
        Assert.Equal(
            new[] { CacheKeys.Section("technologies"), CacheKeys.Section("tech"), CacheKeys.Site, CacheKeys.List, CacheKeys.Feed, CacheKeys.Search, CacheKeys.Sitemap }.Order(),
            Scan().Keys.Order());
    }

    [Fact]
    public void A_synchronous_save_keeps_its_keys_unless_it_placed_an_article_whose_neighbours_it_cannot_look_up()
    {
        var tally = new PublicChangeTally();
        _db.Tags.Add(new Tag(Guid.NewGuid(), "Nouvelle étiquette", Now));
        tally.CountWithoutNeighbours(Scan());
        Assert.Equal([CacheKeys.Tag("nouvelle-etiquette")], tally.Change.Keys);

        _db.ChangeTracker.Clear();
        var draft = Draft();
        _db.Articles.Attach(draft);
        draft.Publish(Now);
        tally.CountWithoutNeighbours(Scan());

        Assert.True(tally.Change.IsEverything);
    }
}
