using Newsroom.Domain;
using Newsroom.Domain.Articles;

namespace Newsroom.UnitTests.Domain;

public sealed class ArticlePublicationRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 2, 8, 30, 0, TimeSpan.Zero);
    private static readonly Guid Section = Guid.NewGuid();

    private static Article Draft(string standfirst = "Un chapô", int authors = 1) =>
        Article.CreateDraft(Guid.NewGuid(), "un-article",
            new ArticleContent("Un article", standfirst, "Du texte", Section, [], Enumerable.Range(0, authors).Select(_ => Guid.NewGuid()).ToList(), [], null),
            new ArticleRendering("<p>Du texte</p>", "Du texte", 2, 1), Guid.NewGuid(), Now);

    [Fact]
    public void Publishing_without_standfirst_and_author_names_both_and_changes_nothing()
    {
        var article = Draft(standfirst: "", authors: 0);

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Publish(Now));

        Assert.Equal(["standfirst", "authorIds"], refusal.Missing.Keys.ToArray());
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Empty(article.Events);
    }

    [Fact]
    public void Publishing_sets_both_instants_and_raises_one_event()
    {
        var article = Draft();

        article.Publish(Now);

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now, article.PublishedAt);
        Assert.Equal(Now, article.FirstPublishedAt);
        Assert.Equal(ArticleEvent.Published, Assert.Single(article.Events).Type);
    }

    [Fact]
    public void Publishing_twice_is_refused_without_missing_fields()
    {
        var article = Draft();
        article.Publish(Now);

        var refusal = Assert.Throws<DomainRuleViolation>(() => article.Publish(Now.AddMinutes(1)));

        Assert.Empty(refusal.Missing);
    }

    [Fact]
    public void Scheduling_now_or_in_the_past_is_refused_on_publish_at()
    {
        var article = Draft();

        Assert.Contains("publishAt", Assert.Throws<DomainRuleViolation>(() => article.Schedule(Now, Now)).Missing.Keys);
        Assert.Contains("publishAt", Assert.Throws<DomainRuleViolation>(() => article.Schedule(Now.AddSeconds(-1), Now)).Missing.Keys);
    }

    [Fact]
    public void A_scheduled_article_is_public_from_its_instant_to_the_second()
    {
        var article = Draft();
        var at = Now.AddHours(2);

        article.Schedule(at, Now);

        Assert.False(article.IsPublicAt(at.AddTicks(-1)));
        Assert.True(article.IsPublicAt(at));
        Assert.Null(article.FirstPublishedAt);
    }

    [Fact]
    public void Going_live_happens_once_and_dates_the_publication_at_the_scheduled_instant()
    {
        var article = Draft();
        var at = Now.AddHours(2);
        article.Schedule(at, Now);

        Assert.False(article.GoLiveIfDue(at.AddSeconds(-1)));
        Assert.True(article.GoLiveIfDue(at.AddSeconds(3)));
        Assert.False(article.GoLiveIfDue(at.AddSeconds(4)));

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(at, article.FirstPublishedAt);
        Assert.Equal(at, article.PublishedAt);
        Assert.Single(article.Events);
    }

    [Fact]
    public void Unscheduling_after_the_article_went_live_is_refused()
    {
        var article = Draft();
        article.Schedule(Now.AddMinutes(5), Now);

        Assert.Throws<DomainRuleViolation>(() => article.Unschedule(Now.AddMinutes(6)));
        article.Unschedule(Now.AddMinutes(4));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public void Withdrawing_keeps_the_first_publication_for_a_later_republication()
    {
        var article = Draft();
        article.Publish(Now);

        article.Withdraw(Now.AddDays(1));
        article.Publish(Now.AddDays(2));

        Assert.Equal(Now, article.FirstPublishedAt);
        Assert.Equal(Now.AddDays(2), article.PublishedAt);
        Assert.Equal([ArticleEvent.Published, ArticleEvent.Withdrawn, ArticleEvent.Published], article.Events.Select(e => e.Type).ToArray());
    }

    [Fact]
    public void Only_drafts_and_withdrawn_articles_can_be_deleted()
    {
        var draft = Draft();
        draft.EnsureDeletable();
        var published = Draft();
        published.Publish(Now);
        var scheduled = Draft();
        scheduled.Schedule(Now.AddDays(1), Now);

        Assert.Throws<DomainRuleViolation>(published.EnsureDeletable);
        Assert.Throws<DomainRuleViolation>(scheduled.EnsureDeletable);
        published.Withdraw(Now.AddMinutes(1));
        published.EnsureDeletable();
    }

    [Fact]
    public void Renaming_a_published_article_keeps_every_old_slug_once()
    {
        var article = Draft();
        var content = article.Content;
        var rendering = new ArticleRendering("<p>Du texte</p>", "Du texte", 2, 1);
        article.Edit("avant-publication", content, rendering, Now);
        Assert.Empty(article.SlugHistory);

        article.Publish(Now);
        article.Edit("deuxieme", content, rendering, Now.AddMinutes(1));
        article.Edit("troisieme", content, rendering, Now.AddMinutes(2));
        article.Edit("deuxieme", content, rendering, Now.AddMinutes(3));

        Assert.Equal(["avant-publication", "troisieme"], article.SlugHistory.Select(h => h.Slug).Order().ToArray());
        Assert.Equal("deuxieme", article.Slug);
    }

    [Fact]
    public void An_edit_reports_exactly_the_fields_it_changed_and_only_public_articles_raise_updates()
    {
        var article = Draft();
        var rendering = new ArticleRendering("<p>Autre</p>", "Autre", 1, 1);
        var changed = article.Edit(article.Slug, article.Content with { Title = "Nouveau titre", Body = "Autre" }, rendering, Now);

        Assert.Equal(["title", "body"], changed);
        Assert.Empty(article.Events);

        article.Publish(Now);
        article.ClearEvents();
        article.Edit(article.Slug, article.Content with { Standfirst = "Nouveau chapô" }, rendering, Now.AddMinutes(1));
        Assert.Equal(ArticleEvent.Updated, Assert.Single(article.Events).Type);
    }
}
