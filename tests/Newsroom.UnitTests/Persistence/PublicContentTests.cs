using Microsoft.EntityFrameworkCore;
using Newsroom.Domain.Articles;
using Newsroom.Domain.Tags;
using Newsroom.Infrastructure.Identity;
using Newsroom.Infrastructure.Persistence;

namespace Newsroom.UnitTests.Persistence;

/// <summary>
/// Which saved changes drop the public caches (<see cref="PublicContent"/>): the rules on the real model's change
/// tracker. Tracking needs no database, so the context never connects.
/// </summary>
public sealed class PublicContentTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 11, 13, 0, 0, TimeSpan.Zero);

    private static readonly Guid Technologies = Guid.Parse("0193f000-0000-7000-8000-000000000001");

    private readonly NewsroomDbContext _db = new(new DbContextOptionsBuilder<NewsroomDbContext>()
        .UseNpgsql("Host=never-connected").UseSnakeCaseNamingConvention().Options);

    public void Dispose() => _db.Dispose();

    private static Article Draft() => Article.CreateDraft(Guid.CreateVersion7(), "brouillon-" + Guid.NewGuid().ToString("N")[..8],
        new ArticleContent("Un brouillon", "Un chapô.", "Un corps.", Technologies, [], [Guid.NewGuid()], [], null),
        new ArticleRendering("<p>Un corps.</p>", "Un corps.", 2, 1), Guid.NewGuid(), Now);

    private static Article Published()
    {
        var article = Draft();
        article.Publish(Now);
        article.ClearEvents();
        return article;
    }

    private bool Affected() => PublicContent.IsAffectedBy(_db.ChangeTracker);

    [Fact]
    public void A_new_draft_and_its_links_are_private()
    {
        var draft = Draft();
        _db.Articles.Add(draft);
        _db.Add(new ArticleTag { ArticleId = draft.Id, TagId = Guid.NewGuid(), Position = 0 });

        Assert.False(Affected());
    }

    [Fact]
    public void Editing_a_draft_is_private_and_publishing_it_is_not()
    {
        var draft = Draft();
        _db.Articles.Attach(draft);
        _db.Entry(draft).Property(nameof(Article.Title)).CurrentValue = "Un brouillon relu";
        Assert.False(Affected());

        draft.Publish(Now);

        Assert.True(Affected());
    }

    [Fact]
    public void Any_change_to_a_published_article_is_public_its_deletion_included()
    {
        var live = Published();
        _db.Articles.Attach(live);
        _db.Entry(live).Property(nameof(Article.Title)).CurrentValue = "Un titre corrigé";
        Assert.True(Affected());

        _db.ChangeTracker.Clear();
        _db.Articles.Attach(live);
        _db.Articles.Remove(live);
        Assert.True(Affected());
    }

    [Fact]
    public void Editing_a_withdrawn_article_is_private_and_scheduling_a_draft_is_not()
    {
        var withdrawn = Published();
        withdrawn.Withdraw(Now);
        _db.Articles.Attach(withdrawn);
        _db.Entry(withdrawn).Property(nameof(Article.Title)).CurrentValue = "Retiré puis relu";
        Assert.False(Affected());

        _db.ChangeTracker.Clear();
        var draft = Draft();
        _db.Articles.Attach(draft);
        draft.Schedule(Now.AddDays(1), Now);
        Assert.True(Affected());
    }

    [Fact]
    public void Links_of_an_article_the_tracker_does_not_know_count_as_public()
    {
        _db.Add(new ArticleTag { ArticleId = Guid.NewGuid(), TagId = Guid.NewGuid(), Position = 0 });

        Assert.True(Affected());
    }

    [Fact]
    public void A_new_tag_is_public_and_a_user_change_is_not()
    {
        _db.Users.Add(new NewsroomUser { Id = Guid.NewGuid(), UserName = "lea@tests.newsroom", DisplayName = "Léa" });
        Assert.False(Affected());

        _db.Tags.Add(new Tag(Guid.NewGuid(), "Nouvelle étiquette", Now));
        Assert.True(Affected());
    }
}
